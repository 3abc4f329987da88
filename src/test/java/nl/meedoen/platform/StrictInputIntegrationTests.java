package nl.meedoen.platform;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestBsns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Hostile input in a request body or a form: refused as a field error in the caller's
 * language, never a server error, never stored after coercion.
 */
@MeedoenIntegrationTest
class StrictInputIntegrationTests {

    @Autowired
    MockMvc mvc;

    private Api caseworker() {
        return Api.as(this.mvc, "begeleider");
    }

    private static JsonNode onlyError(Response response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.body().get("errors");
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private String person(String familyName) {
        return caseworker().post("/api/v1/persons", Api.person("Amal", familyName)).body().get("id").asString();
    }

    @Test
    void aNulCharacterInATextFieldIsAFieldErrorNamingTheFieldNotAServerError() {
        Map<String, Object> body = Api.person("Rami\u0000", "Haddad-Nul");

        JsonNode error = onlyError(caseworker().post("/api/v1/persons", body));

        assertThat(error.get("field").asString()).isEqualTo("givenName");
        assertThat(error.get("message").asString()).contains("bevat een teken dat niet is toegestaan");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\\u0007", "\\u001b", "\\u007f", "\\ud800" })
    void aControlCharacterInAListItemIsAFieldErrorAtItsIndexInTheCallersLanguage(String escaped) {
        Map<String, Object> person = Api.person("Rami", "Haddad-Stuurteken");
        person.put("languages", List.of("ar", "k-u"));
        String body = Api.JSON.writeValueAsString(person).replace("k-u", "k" + escaped + "u");

        Response dutch = caseworker().post("/api/v1/persons", body);
        Response english = caseworker().postRaw("/api/v1/persons", body, MediaType.APPLICATION_JSON, "en");

        assertThat(onlyError(dutch).get("field").asString()).isEqualTo("languages[1]");
        assertThat(onlyError(dutch).get("message").asString()).contains("bevat een teken dat niet is toegestaan");
        assertThat(onlyError(english).get("message").asString()).contains("character that is not allowed");
    }

    @Test
    void tabAndNewlineAreTakenAsText() {
        Map<String, Object> body = Api.person("Rami", "Haddad-Tab");
        body.put("givenName", "Rami\tAli\r\nYusuf");

        Response created = caseworker().post("/api/v1/persons", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("givenName").asString()).isEqualTo("Rami\tAli\r\nYusuf");
    }

    @Test
    void aTextOverTheSafetyCapIsAFieldError() {
        Map<String, Object> volunteer = Map.of("givenName", "Lotte", "familyName", "Lang", "skills",
                List.of("x".repeat(100_000)));

        JsonNode error = onlyError(Api.as(this.mvc, "coordinator").post("/api/v1/volunteers", volunteer));

        assertThat(error.get("field").asString()).isEqualTo("skills[0]");
        assertThat(error.get("message").asString()).contains("te lang");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2147483648", "100000000", "-1", "0" })
    void aDateSentAsANumberIsAFieldErrorNotAServerErrorOrAFarYear(String number) {
        String guidance = "/api/v1/persons/" + person("Datum-Getal") + "/guidance";

        JsonNode error = onlyError(caseworker().post(guidance, "{\"startDate\":" + number + "}"));

        assertThat(error.get("field").asString()).isEqualTo("startDate");
        assertThat(caseworker().get(guidance).status()).isNotEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1899-12-31", "2101-01-01", "+275760-09-13" })
    void aDateOutsideTheRangeIsAFieldErrorThatNamesTheRange(String date) {
        String guidance = "/api/v1/persons/" + person("Datum-Bereik") + "/guidance";

        JsonNode error = onlyError(caseworker().post(guidance, Map.of("startDate", date)));

        assertThat(error.get("field").asString()).isEqualTo("startDate");
        if (!date.startsWith("+")) {
            assertThat(error.get("message").asString()).contains("1900-01-01", "2100-12-31");
        }
    }

    @Test
    void aNullHouseholdMemberIsAFieldErrorAtItsIndexNotAServerError() {
        JsonNode error = onlyError(caseworker().post("/api/v1/households", "{\"members\":[null]}"));

        assertThat(error.get("field").asString()).isEqualTo("members[0]");
        assertThat(error.get("message").asString()).contains("lege waarde");
    }

    @Test
    void aNullInAListOfTextIsAFieldErrorAtItsIndex() {
        String volunteer = "{\"givenName\":\"Lotte\",\"familyName\":\"Leeg\",\"languages\":[\"nl\",null]}";

        JsonNode error = onlyError(Api.as(this.mvc, "coordinator").post("/api/v1/volunteers", volunteer));

        assertThat(error.get("field").asString()).isEqualTo("languages[1]");
    }

    @Test
    void aListOverTheItemLimitIsAFieldError() {
        String members = String.join(",",
                Collections.nCopies(201, "{\"personId\":\"" + person("Lijst-Lang") + "\",\"role\":\"OTHER\"}"));

        JsonNode error = onlyError(caseworker().post("/api/v1/households", "{\"members\":[" + members + "]}"));

        assertThat(error.get("field").asString()).isEqualTo("members");
        assertThat(error.get("message").asString()).contains("te lang", "200");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1", "true", "2.5" })
    void aNumberOrABooleanForATextFieldIsRefusedNotCoerced(String value) {
        String body = Api.JSON.writeValueAsString(Api.person("Rami", "Haddad-Getal"))
            .replaceFirst("\"givenName\":\"Rami\"", "\"givenName\":" + value);

        JsonNode error = onlyError(caseworker().post("/api/v1/persons", body));

        assertThat(error.get("field").asString()).isEqualTo("givenName");
    }

    @Test
    void aDecimalForAnIntegerSettingIsRefusedNotTruncated() {
        Api teamLead = Api.as(this.mvc, "teamleider");
        JsonNode before = teamLead.get("/api/v1/referral-settings").body();

        JsonNode error = onlyError(teamLead.put("/api/v1/referral-settings", "{\"responseDays\":250.9}", null));

        assertThat(error.get("field").asString()).isEqualTo("responseDays");
        assertThat(teamLead.get("/api/v1/referral-settings").body()).isEqualTo(before);
    }

    @Test
    void anUnknownChoiceWithoutAWordedMessageNamesTheAllowedValues() {
        Map<String, Object> body = Api.person("Rami", "Haddad-Keuze");
        body.put("category", "TOURIST");

        JsonNode error = onlyError(caseworker().post("/api/v1/persons", body));

        assertThat(error.get("field").asString()).isEqualTo("category");
        assertThat(error.get("message").asString()).contains("PERMIT_HOLDER", "FAMILY_MIGRANT", "OTHER");
    }

    @Test
    void aControlCharacterInAPageFormIsShownBesideTheField() throws Exception {
        MockHttpServletResponse page = Pages.as(this.mvc, "begeleider")
            .perform(post("/personen").with(csrf())
                .param("givenName", "Rami\u0000")
                .param("familyName", "Haddad-Formulier")
                .param("dateOfBirth", "1988-04-12")
                .param("category", "PERMIT_HOLDER")
                .param("bsn", TestBsns.next())
                .param("countryOfBirth", "SY"));

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("bevat een teken dat niet is toegestaan");
    }

    @Test
    void aNulCharacterInASearchIsAnErrorNamingTheParameterNotAServerError() throws Exception {
        JsonNode provisions = onlyError(caseworker().perform(get("/api/v1/provisions").param("q", "taal\u0000les")));
        JsonNode volunteers = onlyError(
                Api.as(this.mvc, "coordinator").perform(get("/api/v1/volunteers").param("q", "\u0000")));
        MockHttpServletResponse page = this.mvc
            .perform(get("/sociale-kaart").param("q", "taal\u0000les").with(user("begeleider").roles("CASEWORKER")))
            .andReturn()
            .getResponse();

        assertThat(provisions.get("field").asString()).isEqualTo("q");
        assertThat(provisions.get("message").asString()).contains("teken dat niet is toegestaan");
        assertThat(volunteers.get("field").asString()).isEqualTo("q");
        assertThat(page.getStatus()).isEqualTo(400);
    }

}
