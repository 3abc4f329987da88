package nl.meedoen.trajectories;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The trajectory's sub-pages through their forms: the intake ladder, the learning route,
 * exemptions, ontzorgen, the timeline on the overview and the administrator's settings.
 */
@MeedoenIntegrationTest
class TrajectoryDetailPagesIntegrationTests {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Autowired
    MockMvc mvc;

    @Test
    void theIntakePageRecordsANoShowWithItsWarningAndTheNewInvitation() throws Exception {
        String person = person("Yonas", "Intakepagina");
        String page = "/personen/" + person + "/traject/intake";
        LocalDate missed = LocalDate.now().minusDays(7);

        assertThat(text(as("begeleider", post(page + "/afspraak").with(csrf()))))
            .contains("Vul de datum van de afspraak in.");
        assertThat(as("begeleider",
                post(page + "/afspraak").with(csrf())
                    .param("scheduledOn", missed.toString())
                    .param("time", "09:30")
                    .param("location", "Gemeentehuis"))
            .getStatus()).isEqualTo(302);
        String appointment = Api.as(mvc, "begeleider")
            .get("/api/v1/persons/" + person + "/intake/appointments")
            .body()
            .get("items")
            .get(0)
            .get("id")
            .asString();

        assertThat(text(as("begeleider",
                post(page + "/uitkomst").with(csrf())
                    .param("appointmentId", appointment)
                    .param("version", "0")
                    .param("outcome", "NO_SHOW"))))
            .contains("Vul de datum van de nieuwe uitnodiging in.");
        var saved = as("begeleider",
                post(page + "/uitkomst").with(csrf())
                    .param("appointmentId", appointment)
                    .param("version", "0")
                    .param("outcome", "NO_SHOW")
                    .param("newInvitationOn", missed.plusDays(14).toString()));
        assertThat(saved.getStatus()).isEqualTo(302);

        String after = text(as("begeleider", get(page)));
        assertThat(after).contains("1e keer niet verschenen: waarschuwing")
            .contains(missed.plusDays(14).format(DUTCH))
            .contains("Gezondheid (lichamelijk en psychisch)");
        String overview = text(as("begeleider", get("/personen/" + person + "/traject")));
        assertThat(overview).contains("Niet verschenen bij de brede intake (1e keer)")
            .contains("Afspraak brede intake");
    }

    @Test
    void theLearningRoutePageSwitchesTheRouteAndRecordsAnExemption() throws Exception {
        String person = person("Saron", "Leerroutepagina");
        LocalDate adopted = LocalDate.now().minusMonths(4);
        Api api = Api.as(mvc, "begeleider");
        api.put("/api/v1/persons/" + person + "/integration-duty", Map.of("regime", "WI2021", "duoNoticeDate",
                adopted.minusWeeks(8).toString(), "brpRegistrationDate", adopted.minusWeeks(9).toString()), null);
        api.post("/api/v1/persons/" + person + "/integration-duty/plan",
                Map.of("adoptedOn", adopted.toString(), "route", "B1"),
                api.etag("/api/v1/persons/" + person + "/integration-duty"));
        String page = "/personen/" + person + "/traject/leerroute";

        assertThat(text(as("begeleider", get(page)))).contains("B1-route").contains("0,0 van 600 uur");
        assertThat(text(as("begeleider",
                post(page + "/afschalen").with(csrf())
                    .param("version", dutyVersion(person))
                    .param("stepDownOn", LocalDate.now().toString())
                    .param("reason", "Leert langzaam"))))
            .contains("pas na ten minste 600 uur NT2-les");
        assertThat(as("begeleider",
                post(page + "/wissel").with(csrf())
                    .param("version", dutyVersion(person))
                    .param("to", "Z")
                    .param("switchOn", LocalDate.now().toString())
                    .param("reason", "Leerbaarheid lager dan gedacht"))
            .getStatus()).isEqualTo(302);
        assertThat(text(as("begeleider",
                post(page + "/ontheffing").with(csrf())
                    .param("exemptPart", "MAP")
                    .param("kind", "ONTHEFFING")
                    .param("decidedOn", LocalDate.now().toString()))))
            .contains("Vul de grond van het besluit in.");
        assertThat(as("begeleider",
                post(page + "/ontheffing").with(csrf())
                    .param("exemptPart", "MAP")
                    .param("kind", "ONTHEFFING")
                    .param("decidedOn", LocalDate.now().toString())
                    .param("ground", "Aantoonbaar niet in staat"))
            .getStatus()).isEqualTo(302);

        String after = text(as("begeleider", get(page)));
        assertThat(after).contains("Gewisseld van B1-route naar Z-route")
            .contains("Lesuren Z-route")
            .contains("DUO heeft de persoon vrijgesteld of ontheven van de MAP.")
            .contains("Aantoonbaar niet in staat");
    }

    @Test
    void theLearningRoutePageStepsDownOneExamPartWithItsClassroomHoursAndTicksTheMapThemesDone() throws Exception {
        String person = person("Yonas", "Afschaalpagina");
        LocalDate adopted = LocalDate.now().minusMonths(6);
        Api api = Api.as(mvc, "begeleider");
        api.put("/api/v1/persons/" + person + "/integration-duty", Map.of("regime", "WI2021", "duoNoticeDate",
                adopted.minusWeeks(8).toString(), "brpRegistrationDate", adopted.minusWeeks(9).toString()), null);
        api.post("/api/v1/persons/" + person + "/integration-duty/plan",
                Map.of("adoptedOn", adopted.toString(), "route", "B1"),
                api.etag("/api/v1/persons/" + person + "/integration-duty"));
        String page = "/personen/" + person + "/traject/leerroute";

        assertThat(text(as("begeleider",
                post(page + "/afschalen").with(csrf())
                    .param("version", dutyVersion(person))
                    .param("parts", "SPEAKING")
                    .param("stepDownOn", LocalDate.now().toString())
                    .param("lessonHours", "640")
                    .param("classroomHours", "300")
                    .param("reason", "Spreken blijft achter"))))
            .contains("aandeel klassikale lesuren");
        assertThat(as("begeleider",
                post(page + "/afschalen").with(csrf())
                    .param("version", dutyVersion(person))
                    .param("parts", "SPEAKING")
                    .param("stepDownOn", LocalDate.now().toString())
                    .param("lessonHours", "640")
                    .param("classroomHours", "320")
                    .param("reason", "Spreken blijft achter"))
            .getStatus()).isEqualTo(302);
        String version = api.get("/api/v1/persons/" + person + "/integration-duty/learning-route")
            .header("ETag")
            .replace("\"", "");
        assertThat(as("begeleider",
                post(page + "/uren").with(csrf())
                    .param("version", version)
                    .param("mapThemes", "WORK_AND_INCOME", "CAREER_ORIENTATION")
                    .param("mapPracticalHours", "4"))
            .getStatus()).isEqualTo(302);

        String after = text(as("begeleider", get(page)));
        assertThat(after).contains("Spreken: A2")
            .contains("Lezen: B1")
            .contains("Afgeschaald van B1 naar A2: Spreken")
            .contains("640,0 lesuren, waarvan 320,0 klassikaal")
            .contains("2 van 5")
            .contains("Werk en inkomen")
            .contains("Loopbaanoriëntatie en eigen ambities");
    }

    @Test
    void theOntzorgenPageShowsTheEndDateWithItsBasisAndTheCostsPaidTogether() throws Exception {
        String person = person("Filmon", "Ontzorgpagina");
        Api.as(mvc, "begeleider")
            .put("/api/v1/persons/" + person + "/integration-duty",
                    Map.of("regime", "WI2021", "duoNoticeDate", "2026-06-01", "brpRegistrationDate", "2026-05-20"),
                    null);
        String page = "/personen/" + person + "/traject/ontzorgen";

        assertThat(text(as("begeleider", post(page).with(csrf()).param("version", "0"))))
            .contains("Vul de startdatum van de bijstand in.");
        assertThat(as("begeleider",
                post(page).with(csrf())
                    .param("assistanceStart", "2026-08-31")
                    .param("rent", "true")
                    .param("_rent", "on")
                    .param("_energy", "on")
                    .param("healthInsurance", "true")
                    .param("_healthInsurance", "on")
                    .param("version", "0"))
            .getStatus()).isEqualTo(302);
        String after = text(as("begeleider", get(page)));
        assertThat(after).contains("28-02-2027")
            .contains("Huur, energie, water en zorgverzekering (samen)")
            .contains("Ontzorgen tot 28-02-2027: 6 maanden na de start van de bijstand op 31-08-2026 "
                    + "(Participatiewet, art. 56a)");
        assertThat(text(
                as("begeleider", post(page).with(csrf()).param("assistanceStart", "2026-09-01").param("version", "0"))))
            .contains("Iemand anders heeft");
    }

    @Test
    void anImpossibleDateOrVersionIsAnsweredWithTheFormAndADutchMessage() throws Exception {
        String person = person("Tsega", "Onmogelijkedatum");
        String base = "/personen/" + person + "/traject";

        var ontzorgen = as("begeleider",
                post(base + "/ontzorgen").with(csrf())
                    .param("assistanceStart", "2026-13-01")
                    .param("rent", "true")
                    .param("version", "x"));
        assertThat(ontzorgen.getStatus()).isEqualTo(200);
        assertThat(text(ontzorgen)).contains("Vul een geldige datum in.").contains("id=\"authorisationSignedOn\"");
        var intake = as("begeleider",
                post(base + "/intake").with(csrf())
                    .param("learnabilityTestedOn", "gisteren")
                    .param("educationHistory", "Basisschool")
                    .param("version", "0"));
        assertThat(intake.getStatus()).isEqualTo(200);
        assertThat(text(intake)).contains("Vul een geldige datum in.").contains("Basisschool");
        assertThat(as("begeleider",
                post(base + "/intake/uitkomst").with(csrf())
                    .param("appointmentId", "geen-id")
                    .param("version", "0")
                    .param("outcome", "NO_SHOW"))
            .getStatus()).isEqualTo(200);
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/persons/" + person + "/ontzorgen").status()).isEqualTo(404);
    }

    @Test
    void oneViewOfTheTrajectoryTabIsOneReadInTheProcessingLog() throws Exception {
        String person = person("Ruta", "Eenmaallezen");
        Api.as(mvc, "begeleider").post("/api/v1/persons/" + person + "/guidance", Map.of("startDate", "2026-06-01"));

        as("begeleider", get("/personen/" + person + "/traject"));
        as("begeleider", get("/personen/" + person + "/traject"));

        var log = Api.as(mvc, "privacy").get("/api/v1/audit/persons/" + person + "?size=100").body().get("items");
        List<String> reads = new java.util.ArrayList<>();
        log.forEach(e -> {
            if (e.get("action").asString().equals("TRAJECTORY_READ")) {
                reads.add(e.get("traceId").asString());
            }
        });
        assertThat(reads).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void onlyTheAdministratorChangesTheSettingsAndOutOfRangeValuesAreRefused() throws Exception {
        assertThat(as("begeleider", get("/traject/instellingen")).getStatus()).isEqualTo(403);
        String form = text(as("beheerder", get("/traject/instellingen")));
        assertThat(form).contains("Maatschappelijke begeleiding (maanden)").contains("value=\"250\"");

        Api admin = Api.as(mvc, "beheerder");
        var read = admin.get("/api/v1/trajectory-settings");
        assertThat(read.status()).isEqualTo(200);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("guidanceMonths", 6, "extensionMonths", 3,
                "planWeeks", 10, "thirdPartyWeeks", 2, "integrationYears", 3, "routeSwitchMonths", 18, "pvtHours", 12,
                "stepDownHours", 600, "zCourseHours", 800, "zParticipationHours", 800));
        body.putAll(Map.of("mapPracticalHours", 40, "noShowFineEuros", 250, "ontzorgenMonths", 6, "calendarWeeks", 8));
        assertThat(Api.as(mvc, "begeleider").put("/api/v1/trajectory-settings", body, read.header("ETag")).status())
            .isEqualTo(403);
        Map<String, Object> tooLong = new java.util.HashMap<>(body);
        tooLong.put("guidanceMonths", 30);
        var refused = admin.put("/api/v1/trajectory-settings", tooLong, read.header("ETag"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("1 tot 24 maanden");

        Map<String, Object> aboveTheLaw = new java.util.HashMap<>(body);
        aboveTheLaw.put("noShowFineEuros", 10000);
        var fine = admin.put("/api/v1/trajectory-settings", aboveTheLaw, read.header("ETag"));
        assertThat(fine.status()).isEqualTo(400);
        assertThat(fine.body().toString()).contains("noShowFineEuros")
            .contains("ten hoogste € 800 (Wet inburgering 2021, art. 22–23)");

        Map<String, Object> eight = new java.util.HashMap<>(body);
        eight.put("guidanceMonths", 8);
        var changed = admin.put("/api/v1/trajectory-settings", eight, read.header("ETag"));
        try {
            assertThat(changed.status()).isEqualTo(200);
            assertThat(admin.put("/api/v1/trajectory-settings", eight, read.header("ETag")).status()).isEqualTo(412);
            String person = person("Abel", "Instellingen");
            var guidance = Api.as(mvc, "begeleider")
                .post("/api/v1/persons/" + person + "/guidance", Map.of("startDate", "2026-01-31"));
            assertThat(guidance.body().get("endDate").asString()).isEqualTo("2026-09-30");
        }
        finally {
            admin.put("/api/v1/trajectory-settings", body, changed.header("ETag"));
        }
        assertThat(admin.get("/api/v1/trajectory-settings").body().get("guidanceMonths").asInt()).isEqualTo(6);
    }

    private String person(String given, String family) {
        return Api.as(mvc, "begeleider").post("/api/v1/persons", Api.person(given, family)).body().get("id").asString();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse as(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return Pages.as(mvc, user).perform(request);
    }

    /** The integration duty's version as the API shows it (its ETag, unquoted). */
    private String dutyVersion(String person) {
        return Api.as(mvc, "begeleider").etag("/api/v1/persons/" + person + "/integration-duty").replace("\"", "");
    }

}
