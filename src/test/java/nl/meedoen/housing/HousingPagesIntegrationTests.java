package nl.meedoen.housing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.support.Api;
import nl.meedoen.support.Pages;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The housing pages: who sees what, the match and placement forms, the CSV export and the
 * population upload.
 */
@MeedoenIntegrationTest
class HousingPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void policyOfficerSeesTheOverviewButNotTheWaitingList() throws Exception {
        MockHttpServletResponse overview = as("beleid", get("/huisvesting"));
        assertThat(overview.getStatus()).isEqualTo(200);
        assertThat(overview.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("/huisvesting/wachtlijst");

        assertThat(as("beleid", get("/huisvesting/wachtlijst")).getStatus()).isEqualTo(403);
        assertThat(as("beleid", get("/huisvesting/koppelingen/nieuw")).getStatus()).isEqualTo(403);
    }

    @Test
    void matchAndPlacementFormsPutAHouseholdOnTheWaitingListAndHouseIt() throws Exception {
        String personId = Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Yonas", "Formulierhuis"))
            .body()
            .get("id")
            .asString();
        String matchDate = LocalDate.now().minusDays(3).toString();

        MockHttpServletResponse matched = as("begeleider",
                post("/huisvesting/koppelingen").with(csrf())
                    .param("personIds", personId)
                    .param("kandidaten", personId)
                    .param("matchDate", matchDate));
        assertThat(matched.getStatus()).isEqualTo(302);
        String waitingList = as("begeleider", get("/huisvesting/wachtlijst"))
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(waitingList).contains("Yonas Formulierhuis");
        String matchId = findMatchId(waitingList, "Yonas Formulierhuis");

        MockHttpServletResponse refused = as("begeleider",
                post("/huisvesting/plaatsingen").with(csrf())
                    .param("matchId", matchId)
                    .param("personIds", personId)
                    .param("keyHandoverDate", LocalDate.now().minusDays(5).toString()));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
            .contains("De sleuteloverdracht kan niet vóór de koppelingsdatum liggen.");

        MockHttpServletResponse placed = as("begeleider",
                post("/huisvesting/plaatsingen").with(csrf())
                    .param("matchId", matchId)
                    .param("personIds", personId)
                    .param("keyHandoverDate", LocalDate.now().toString())
                    .param("address", "Kerkbuurt 3, Sliedrecht"));
        assertThat(placed.getStatus()).isEqualTo(302);
        assertThat(as("begeleider", get("/huisvesting/wachtlijst")).getContentAsString(StandardCharsets.UTF_8))
            .doesNotContain("Yonas Formulierhuis");
    }

    @Test
    void matchFormWithoutPersonsOrDateAnswersInDutch() throws Exception {
        String page = as("teamleider", post("/huisvesting/koppelingen").with(csrf()))
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Kies minstens één persoon.", "Vul de koppelingsdatum in.");
    }

    @Test
    void exportsThePeriodTableAsCsv() throws Exception {
        MockHttpServletResponse csv = as("beleid", get("/huisvesting/perioden.csv"));

        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        String text = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("Periode;Taakstelling;Gehuisvest;Meegenomen;Saldo;Bron");
        assertThat(text).contains("2016;64;");
    }

    @Test
    void theCsvExportWritesAFormulaInTheSourceAsText() throws Exception {
        Api.as(mvc, "teamleider")
            .put("/api/v1/housing-quota/1927-H1", Map.of("official", 1, "source", "=HYPERLINK(\"http://x.example\")"),
                    null);

        String text = as("beleid", get("/huisvesting/perioden.csv")).getContentAsString(StandardCharsets.UTF_8);

        assertThat(text).contains("1927-H1;1;0;0;1;\"'=HYPERLINK(")
            .doesNotContain(";=HYPERLINK(")
            .doesNotContain(";\"=HYPERLINK(");
    }

    @Test
    void uploadsPopulationsAsCsvAndRefusesABadFile() throws Exception {
        MockMultipartFile good = new MockMultipartFile("file", "inwoners.csv", "text/csv",
                "code;naam;inwoners\n0610;Sliedrecht;25700\n0590;Papendrecht;32900\n".getBytes(StandardCharsets.UTF_8));
        assertThat(as("teamleider", multipart("/huisvesting/prognose/inwoners").file(good).with(csrf())).getStatus())
            .isEqualTo(302);
        assertThat(as("teamleider", get("/huisvesting/prognose")).getContentAsString(StandardCharsets.UTF_8))
            .contains("Papendrecht");

        MockMultipartFile bad = new MockMultipartFile("file", "inwoners.csv", "text/csv",
                "0610;Sliedrecht;veel\n".getBytes(StandardCharsets.UTF_8));
        String refused = as("teamleider", multipart("/huisvesting/prognose/inwoners").file(bad).with(csrf()))
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Het bestand is niet geldig.");
    }

    @Test
    void familyMembersWhoJoinLaterStopCountingWhenTheMunicipalityTurnsThatOff() throws Exception {
        Api teamLead = Api.as(mvc, "teamleider");
        Api caseworker = Api.as(mvc, "begeleider");
        teamLead.put("/api/v1/housing-quota/1983-H1", Map.of("official", 2, "source", "Circulaire 1983"), null);
        String person = caseworker.post("/api/v1/persons", Api.person("Saba", "Nareiziger"))
            .body()
            .get("id")
            .asString();
        caseworker.post("/api/v1/matches",
                Map.of("personIds", List.of(person), "matchDate", "1983-01-10", "familyReunification", true));
        caseworker.post("/api/v1/placements", Map.of("personIds", List.of(person), "keyHandoverDate", "1983-02-01"));
        assertThat(teamLead.get("/api/v1/housing-quota/1983-H1").body().get("housed").asInt()).isEqualTo(1);
        try {
            assertThat(as("teamleider",
                    post("/huisvesting/instellingen").with(csrf())
                        .param("housingWeeks", "10")
                        .param("moveWeeks", "2")
                        .param("version", settingsVersion()))
                .getStatus()).isEqualTo(302);

            assertThat(teamLead.get("/api/v1/housing-quota/1983-H1").body().get("housed").asInt()).isZero();
        }
        finally {
            as("teamleider",
                    post("/huisvesting/instellingen").with(csrf())
                        .param("housingWeeks", "10")
                        .param("moveWeeks", "2")
                        .param("familyReunificationCounts", "true")
                        .param("version", settingsVersion()));
        }
        assertThat(teamLead.get("/api/v1/housing-quota/1983-H1").body().get("housed").asInt()).isEqualTo(1);
    }

    @Test
    void settingsRefuseWeeksOutOfRangeInDutch() throws Exception {
        String page = as("teamleider",
                post("/huisvesting/instellingen").with(csrf()).param("housingWeeks", "0").param("moveWeeks", "30"))
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Vul een aantal weken in van 1 tot en met 52.",
                "Vul een aantal weken in van 0 tot en met 26.");
    }

    private static String findMatchId(String page, String name) {
        int at = page.indexOf(name);
        int link = page.indexOf("koppeling=", at);
        return UUID.fromString(page.substring(link + "koppeling=".length(), link + "koppeling=".length() + 36))
            .toString();
    }

    private MockHttpServletResponse as(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return Pages.as(mvc, user).perform(request);
    }

    /** The settings' version the page form carries, as a browser sends it back. */
    private String settingsVersion() throws Exception {
        String form = as("teamleider", get("/huisvesting/instellingen")).getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")
            .matcher(form);
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    @Test
    void aStaleSettingsFormIsRefusedWithTheDutchMessageAndNothingIsSaved() throws Exception {
        String version = settingsVersion();
        String stale = String.valueOf(Integer.parseInt(version) + 7);

        String page = as("teamleider",
                post("/huisvesting/instellingen").with(csrf())
                    .param("housingWeeks", "11")
                    .param("moveWeeks", "2")
                    .param("familyReunificationCounts", "true")
                    .param("version", stale))
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Iemand anders heeft dit dossier gewijzigd");
        assertThat(settingsVersion()).isEqualTo(version);
        assertThat(as("teamleider", get("/huisvesting/instellingen")).getContentAsString(StandardCharsets.UTF_8))
            .contains("value=\"10\"");
    }

}
