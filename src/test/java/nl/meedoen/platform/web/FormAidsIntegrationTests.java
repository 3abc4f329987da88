package nl.meedoen.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the forms do for the caseworker: required fields marked from the form's own rules,
 * languages typed and read by name, a search on every page, a confirmation before a file
 * is ended, and warnings (never refusals) for dates that can hardly be true.
 */
@MeedoenIntegrationTest
class FormAidsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource owner;

    @Test
    void requiredFieldsAreMarkedFromTheFormsOwnRules() throws Exception {
        String page = page("begeleider", get("/personen/nieuw"));

        assertThat(label(page, "givenName")).contains("(verplicht)");
        assertThat(label(page, "category")).contains("(verplicht)");
        assertThat(input(page, "givenName")).contains("aria-required=\"true\"");
        assertThat(label(page, "phone")).doesNotContain("(verplicht)");
        assertThat(input(page, "phone")).doesNotContain("aria-required");
        assertThat(label(page("begeleider", get("/personen/nieuw?lang=en")), "givenName")).contains("(required)");
    }

    @Test
    void languagesAreTypedAndReadByTheirNames() throws Exception {
        MockHttpServletResponse saved = Pages.as(mvc, "begeleider")
            .perform(post("/personen").with(csrf())
                .param("givenName", "Amal")
                .param("familyName", "Talennamen")
                .param("dateOfBirth", "1991-05-04")
                .param("category", "PERMIT_HOLDER")
                .param("bsn", TestBsns.next())
                .param("languages", "Arabisch, koerdisch; Dari, ti"));
        assertThat(saved.getStatus()).as(saved.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        String id = saved.getRedirectedUrl().replaceAll(".*/personen/([0-9a-f-]+).*", "$1");

        assertThat(Api.as(mvc, "begeleider").get("/api/v1/persons/" + id).body().get("languages").toString())
            .isEqualTo("[\"ar\",\"ku\",\"prs\",\"ti\"]");
        String edit = page("begeleider", get("/personen/" + id + "/bewerken"));
        assertThat(input(edit, "languages")).contains("value=\"Arabisch, Koerdisch, Dari, Tigrinya\"");
        assertThat(edit).contains("<option value=\"Tigrinya\">", "<option value=\"Egyptisch Arabisch\">");
        assertThat(input(page("begeleider", get("/personen/" + id + "/bewerken?lang=en")), "languages"))
            .contains("value=\"Arabic, Kurdish, Dari, Tigrinya\"");
    }

    @Test
    void aMatchRequestTakesLanguagesAndCountriesByName() throws Exception {
        String id = Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Yonas", "Maatjesnamen"))
            .body()
            .get("id")
            .asString();

        MockHttpServletResponse filed = Pages.as(mvc, "begeleider")
            .perform(post("/personen/" + id + "/netwerk/verzoek").with(csrf())
                .param("role", "LANGUAGE_BUDDY")
                .param("languages", "Tigrinya, arabisch")
                .param("countries", "Eritrea, Syrië"));

        assertThat(filed.getStatus()).as(filed.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        assertThat(JdbcClient.create(owner)
            .sql("select array_to_string(languages, ',') || ' ' || array_to_string(countries, ',') from match_request"
                    + " where person_id = ?::uuid")
            .param(id)
            .query(String.class)
            .single()).isEqualTo("ti,ar ER,SY");
        assertThat(page("begeleider", get("/personen/" + id + "/netwerk"))).contains("id=\"countries-names\"",
                "<option value=\"Syrië\">");
    }

    @Test
    void anUnknownLanguageComesBackAsTypedWithAMessageOnTheField() throws Exception {
        String page = Pages.as(mvc, "begeleider")
            .perform(post("/personen").with(csrf())
                .param("givenName", "Omar")
                .param("familyName", "Onbekendetaal")
                .param("dateOfBirth", "1985-01-01")
                .param("category", "PERMIT_HOLDER")
                .param("bsn", TestBsns.next())
                .param("languages", "Arabisch, Klingons"))
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(input(page, "languages")).contains("value=\"Arabisch, klingons\"", "aria-invalid=\"true\"");
        assertThat(page).contains("id=\"languages-error\"", "Onbekende taal");
    }

    @Test
    void everyPageOfACaseworkerCarriesThePersonSearchAndItFindsByName() throws Exception {
        Api.as(mvc, "begeleider").post("/api/v1/persons", Api.person("Zara", "Zoekbalkje"));

        for (String path : new String[] { "/", "/traject/termijnen", "/sociale-kaart", "/signalen" }) {
            assertThat(page("begeleider", get(path))).as(path)
                .contains("role=\"search\"", "action=\"/personen/zoeken\"", "for=\"header-search-q\"");
        }
        assertThat(page("beleid", get("/monitor"))).doesNotContain("header-search-q");
        assertThat(page("begeleider", post("/personen/zoeken").with(csrf()).param("q", "Zoekbalkje"))).contains("Zara");
    }

    @Test
    void aFileIsEndedOnlyAfterTheCaseworkerConfirms() throws Exception {
        String id = Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Sara", "Bevestiging"))
            .body()
            .get("id")
            .asString();

        String refused = page("begeleider",
                post("/personen/" + id + "/beeindigen").with(csrf())
                    .param("version", "0")
                    .param("endedOn", LocalDate.now().minusDays(1).toString())
                    .param("endReason", "FILE_CLOSED")
                    .param("_confirmed", "on"));

        assertThat(refused).contains("id=\"error-summary\"", "Bevestig dat u het dossier wilt beëindigen.");
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/persons/" + id).body().get("endedOn").isNull()).isTrue();
    }

    @Test
    void anArrivalBeforeBirthAndADutyForAChildAreWarnedAboutNotRefused() throws Exception {
        Map<String, Object> baby = Api.person("Noor", "Pasgeboren");
        baby.put("dateOfBirth", LocalDate.now().minusYears(2).toString());
        baby.put("arrivalDate", LocalDate.now().minusYears(3).toString());
        Api api = Api.as(mvc, "begeleider");
        var created = api.post("/api/v1/persons", baby);
        assertThat(created.status()).as("stored despite the odd dates").isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(page("begeleider", get("/personen/" + id))).contains("De aankomstdatum ligt vóór de geboortedatum")
            .doesNotContain("inburgeringsplicht vastgelegd");

        String notice = LocalDate.now().minusMonths(1).toString();
        assertThat(api
            .put("/api/v1/persons/" + id + "/integration-duty",
                    Map.of("regime", "WI2021", "duoNoticeDate", notice, "brpRegistrationDate", notice), null)
            .status()).as("DUO decides the duty; Meedoen records it").isEqualTo(200);

        assertThat(page("begeleider", get("/personen/" + id)))
            .contains("Er is een inburgeringsplicht vastgelegd, maar de persoon was 1 jaar",
                    "de plicht geldt vanaf 16 jaar")
            .contains("href=\"/personen/" + id + "/traject\"");
        assertThat(page("begeleider", get("/personen/" + id + "?lang=en")))
            .contains("the duty applies from the age of 16");
    }

    @Test
    void aDutyOfTheEarlierActIsNotCheckedAgainstTheMinimumAgeOfTheLaterOne() throws Exception {
        Map<String, Object> child = Api.person("Amal", "Oudewet");
        child.put("dateOfBirth", "2008-03-01");
        Api api = Api.as(mvc, "begeleider");
        String id = api.post("/api/v1/persons", child).body().get("id").asString();
        assertThat(api.put("/api/v1/persons/" + id + "/integration-duty",
                Map.of("regime", "WI2013", "duoNoticeDate", "2019-05-01", "brpRegistrationDate", "2019-04-15"), null)
            .status()).isEqualTo(200);

        MockHttpServletResponse file = Pages.as(mvc, "begeleider").perform(get("/personen/" + id));

        assertThat(file.getStatus()).as("the file of a duty recorded before the rule was in force").isEqualTo(200);
        assertThat(file.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("inburgeringsplicht vastgelegd");
    }

    private String page(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return Pages.as(mvc, user).perform(request).getContentAsString(StandardCharsets.UTF_8);
    }

    private static String input(String page, String field) {
        Matcher input = Pattern.compile("<(input|select)[^>]*name=\"" + field + "\"[^>]*>").matcher(page);
        assertThat(input.find()).as("a control " + field).isTrue();
        return input.group();
    }

    private static String label(String page, String field) {
        Matcher label = Pattern.compile("<label for=\"" + field + "\">(.*?)</label>", Pattern.DOTALL).matcher(page);
        assertThat(label.find()).as("a label for " + field).isTrue();
        return label.group(1);
    }

}
