package nl.meedoen.residents;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.TestBsns;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The persons API contract: paths, fields, status codes and problem details. */
@MeedoenIntegrationTest
class PersonApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    Api dordrecht() {
        return Api.as(mvc, "begeleider.dordrecht");
    }

    @Test
    void registersAPersonAndAnswersWithLocationIdAndVersion() {
        Response created = caseworker().post("/api/v1/persons", Api.person("Rania", "Haddad-Registratie"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/persons/" + id);
        assertThat(created.body().get("version").asInt()).isZero();
        assertThat(created.body().get("givenName").asString()).isEqualTo("Rania");
        assertThat(created.body().get("languages").toString()).isEqualTo("[\"ar\",\"ku\"]");
    }

    @Test
    void padsAnEightDigitBsnWithALeadingZero() {
        String eightDigits = eightDigitBsn();
        Map<String, Object> body = Api.person("Omar", "Nulvoorloop");
        body.put("bsn", eightDigits);

        Response created = caseworker().post("/api/v1/persons", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("bsn").asString()).isEqualTo("0" + eightDigits);
    }

    @Test
    void registersANewcomerWithOnlyAVNumber() {
        Map<String, Object> body = Api.person("Yonas", "Alleen-Vnummer");
        body.remove("bsn");
        body.put("vNumber", "1234567890");

        Response created = caseworker().post("/api/v1/persons", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("bsn").isNull()).isTrue();
    }

    @Test
    void readsAPersonWithETagAndHouseholdId() {
        String id = register("Lina", "Khalil-Lezen");

        Response read = caseworker().get("/api/v1/persons/" + id);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.body().has("householdId")).isTrue();
        assertThat(read.body().get("householdId").isNull()).isTrue();
    }

    @Test
    void updatesWithIfMatchAndChangesTheETag() {
        String id = register("Samer", "Mansour-Wijzig");
        Response read = caseworker().get("/api/v1/persons/" + id);
        ObjectNode changed = (ObjectNode) read.body();
        changed.put("familyName", "Mansour-Gewijzigd");

        Response updated = caseworker().put("/api/v1/persons/" + id, changed.toString(), read.header("ETag"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("familyName").asString()).isEqualTo("Mansour-Gewijzigd");
        assertThat(updated.header("ETag")).isNotEqualTo(read.header("ETag"));
        assertThat(caseworker().get("/api/v1/persons/" + id).header("ETag")).isEqualTo(updated.header("ETag"));
    }

    @Test
    void aStaleETagIsRefusedWith412AndChangesNothing() {
        String id = register("Dima", "Saleh-Verouderd");
        Response read = caseworker().get("/api/v1/persons/" + id);
        ObjectNode first = (ObjectNode) read.body();
        first.put("city", "Sliedrecht");
        assertThat(caseworker().put("/api/v1/persons/" + id, first.toString(), read.header("ETag")).status())
            .isEqualTo(200);
        ObjectNode second = (ObjectNode) read.body();
        second.put("city", "Dordrecht");

        Response stale = caseworker().put("/api/v1/persons/" + id, second.toString(), read.header("ETag"));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(stale.body().get("detail").asString()).contains("Iemand anders");
        assertThat(caseworker().get("/api/v1/persons/" + id).body().get("city").asString()).isEqualTo("Sliedrecht");
    }

    @Test
    void anUpdateWithoutIfMatchIsRefusedWith428() {
        String id = register("Hala", "Darwish-Zonderversie");
        JsonNode read = caseworker().get("/api/v1/persons/" + id).body();

        assertThat(caseworker().put("/api/v1/persons/" + id, read.toString(), null).status()).isEqualTo(428);
    }

    @Test
    void readOnlyFieldsInTheBodyAreIgnored() {
        String id = register("Fadi", "Ibrahim-Alleenlezen");
        Response read = caseworker().get("/api/v1/persons/" + id);
        ObjectNode body = (ObjectNode) read.body();
        body.put("id", "00000000-0000-0000-0000-000000000000");
        body.put("version", 99);
        body.put("householdId", "00000000-0000-0000-0000-000000000001");

        Response updated = caseworker().put("/api/v1/persons/" + id, body.toString(), read.header("ETag"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("id").asString()).isEqualTo(id);
        assertThat(updated.body().get("version").asInt()).isEqualTo(1);
        assertThat(updated.body().get("householdId").isNull()).isTrue();
    }

    @Test
    void searchesNamesByPrefixIgnoringCaseAndAccents() {
        String id = register("Zoë", "Çelikyürek");

        JsonNode byAsciiPrefix = caseworker().get("/api/v1/persons?q=celikyu&page=0&size=20").body();
        JsonNode byGivenAndFamily = caseworker().get("/api/v1/persons?q=ZOE CELIKY").body();

        assertThat(byAsciiPrefix.get("items").findValuesAsString("id")).contains(id);
        assertThat(byAsciiPrefix.get("page").asInt()).isZero();
        assertThat(byAsciiPrefix.get("size").asInt()).isEqualTo(20);
        assertThat(byAsciiPrefix.get("totalItems").asLong()).isEqualTo(1);
        assertThat(byGivenAndFamily.get("items").findValuesAsString("id")).containsExactly(id);
    }

    @Test
    void searchesByExactBsnAndVNumber() {
        Map<String, Object> body = Api.person("Khaled", "Nummerzoeker");
        body.put("vNumber", "2345678901");
        String bsn = (String) body.get("bsn");
        String id = caseworker().post("/api/v1/persons", body).body().get("id").asString();

        assertThat(caseworker().post("/api/v1/persons/search", Map.of("bsn", bsn))
            .body()
            .get("items")
            .findValuesAsString("id")).containsExactly(id);
        assertThat(caseworker().post("/api/v1/persons/search", Map.of("q", "2345678901"))
            .body()
            .get("items")
            .findValuesAsString("id")).containsExactly(id);
        assertThat(caseworker().get("/api/v1/persons?q=" + bsn).status()).as("never in an address").isEqualTo(400);
    }

    @Test
    void pagesThroughTheListWithoutLoadingItWhole() {
        JsonNode first = caseworker().get("/api/v1/persons?page=0&size=5").body();
        JsonNode second = caseworker().get("/api/v1/persons?page=1&size=5").body();

        assertThat(first.get("items").size()).isEqualTo(5);
        assertThat(first.get("totalItems").asLong()).isGreaterThanOrEqualTo(150);
        assertThat(second.get("items").findValuesAsString("id"))
            .doesNotContainAnyElementsOf(first.get("items").findValuesAsString("id"));
    }

    @Test
    void aNameSearchCountsAllItsMatchesOnEveryPageAndPastTheLast() {
        String family = "Telbaar" + ThreadLocalRandom.current()
            .ints(6, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        for (int i = 0; i < 7; i++) {
            assertThat(caseworker().post("/api/v1/persons", Api.person("Lid" + i, family)).status()).isEqualTo(201);
        }

        JsonNode first = caseworker().get("/api/v1/persons?q=" + family + "&page=0&size=3").body();
        JsonNode last = caseworker().get("/api/v1/persons?q=" + family + "&page=2&size=3").body();
        JsonNode past = caseworker().get("/api/v1/persons?q=" + family + "&page=5&size=3").body();
        JsonNode none = caseworker().get("/api/v1/persons?q=Nergens" + family).body();

        assertThat(first.get("items").size()).isEqualTo(3);
        assertThat(first.get("totalItems").asLong()).isEqualTo(7);
        assertThat(last.get("items").size()).isEqualTo(1);
        assertThat(last.get("totalItems").asLong()).isEqualTo(7);
        assertThat(past.get("items").size()).isZero();
        assertThat(past.get("totalItems").asLong()).as("counted apart past the last page").isEqualTo(7);
        assertThat(none.get("totalItems").asLong()).isZero();
    }

    @Test
    void aDuplicateBsnIsAConflictThatNamesNobody() {
        Map<String, Object> body = Api.person("Nour", "Eerste-Dubbel");
        assertThat(caseworker().post("/api/v1/persons", body).status()).isEqualTo(201);
        body.put("givenName", "Reem");
        body.put("familyName", "Tweede-Dubbel");

        Response duplicate = caseworker().post("/api/v1/persons", body);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("detail").asString()).contains("BSN").doesNotContain("Nour", "Eerste");
    }

    @Test
    void theSameBsnMayLiveInAnotherMunicipality() {
        Map<String, Object> body = Api.person("Yara", "Tweegemeenten");
        assertThat(caseworker().post("/api/v1/persons", body).status()).isEqualTo(201);

        assertThat(dordrecht().post("/api/v1/persons", body).status()).isEqualTo(201);
    }

    @Test
    void anotherMunicipalitysPersonIsNotFoundExactlyLikeAMissingOne() {
        String id = register("Bassam", "Alleen-Sliedrecht");
        Response read = caseworker().get("/api/v1/persons/" + id);

        Response foreign = dordrecht().get("/api/v1/persons/" + id);
        Response missing = dordrecht().get("/api/v1/persons/7d1e4a1c-0000-4000-8000-000000000000");
        Response foreignUpdate = dordrecht().put("/api/v1/persons/" + id, read.body().toString(), read.header("ETag"));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreignUpdate.status()).isEqualTo(404);
        assertThat(foreign.body().get("detail")).isEqualTo(missing.body().get("detail"));
        assertThat(dordrecht().get("/api/v1/persons?q=alleen-sliedrecht").body().get("totalItems").asLong()).isZero();
        String bsn = read.body().get("bsn").asString();
        assertThat(dordrecht().post("/api/v1/persons/search", Map.of("bsn", bsn)).body().get("totalItems").asLong())
            .isZero();
    }

    @Test
    void rolesWithoutBusinessInAFileAreForbidden() {
        String id = register("Reem", "Rolcontrole");

        assertThat(Api.as(mvc, "beleid").get("/api/v1/persons").status()).isEqualTo(403);
        assertThat(Api.as(mvc, "beleid").get("/api/v1/persons/" + id).status()).isEqualTo(403);
        assertThat(Api.as(mvc, "partner").get("/api/v1/persons/" + id).status()).isEqualTo(403);
        assertThat(Api.as(mvc, "beheerder").post("/api/v1/persons", Api.person("A", "B")).status()).isEqualTo(403);
        assertThat(Api.as(mvc, "privacy").get("/api/v1/persons?q=rolcontrole").status()).isEqualTo(403);
        Response forbidden = Api.as(mvc, "beleid").get("/api/v1/persons");
        assertThat(forbidden.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(forbidden.body().get("detail").asString()).contains("geen toegang");
    }

    @Test
    void withoutLoginTheApiAnswers401AsProblemDetails() throws Exception {
        var response = mvc.perform(get("/api/v1/me")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    @Test
    void badInputIsA400WithFieldErrorsAndNothingIsStored() {
        long before = total();
        String tooLong = "a".repeat(10_000);
        List<String> bodies = List.of(
                "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"1990-01-01\",\"category\":\"ALIEN\",\"bsn\":\""
                        + TestBsns.next() + "\"}",
                "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"1990-02-31\",\"category\":\"OTHER\",\"bsn\":\""
                        + TestBsns.next() + "\"}",
                "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"" + LocalDate.now().plusDays(1)
                        + "\",\"category\":\"OTHER\",\"bsn\":\"" + TestBsns.next() + "\"}",
                "{\"givenName\":\"" + tooLong
                        + "\",\"familyName\":\"B\",\"dateOfBirth\":\"1990-01-01\",\"category\":\"OTHER\",\"bsn\":\""
                        + TestBsns.next() + "\"}",
                "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"1990-01-01\",\"category\":\"OTHER\",\"bsn\":\"123456789\"}",
                "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"1990-01-01\",\"category\":\"OTHER\"}",
                "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"1990-01-01\",\"category\":\"OTHER\",\"bsn\":\""
                        + TestBsns.next() + "\",\"countryOfBirth\":\"QQ\",\"languages\":[\"xx1\"]}",
                "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"1990-01-01\",\"category\":\"OTHER\",\"bsn\":\""
                        + TestBsns.next() + "\",\"arrivalDate\":\"2020-05-01\",\"registrationDate\":\"2020-01-01\"}");
        List<String> expectedFields = List.of("category", "dateOfBirth", "dateOfBirth", "givenName", "bsn", "bsn",
                "countryOfBirth", "registrationDate");

        for (int i = 0; i < bodies.size(); i++) {
            Response response = caseworker().postRaw("/api/v1/persons", bodies.get(i), MediaType.APPLICATION_JSON,
                    "nl");
            assertThat(response.status()).as(bodies.get(i).substring(0, Math.min(120, bodies.get(i).length())))
                .isEqualTo(400);
            assertThat(response.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(response.body().get("errors").findValuesAsString("field")).contains(expectedFields.get(i));
            assertThat(response.body().toString()).doesNotContain("Exception", "at nl.meedoen");
        }
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void malformedJsonAndWrongContentTypeAreRefusedClearly() {
        Response malformed = caseworker().postRaw("/api/v1/persons", "{\"givenName\": ", MediaType.APPLICATION_JSON,
                "nl");
        Response wrongType = caseworker().postRaw("/api/v1/persons", "givenName=A", MediaType.TEXT_PLAIN, "nl");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("detail").asString()).contains("JSON");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.body().get("detail").asString()).contains("application/json");
    }

    @Test
    void answersInEnglishWhenAskedTo() {
        Response response = caseworker().postRaw("/api/v1/persons",
                "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"1990-01-01\",\"category\":\"OTHER\",\"bsn\":\"123456789\"}",
                MediaType.APPLICATION_JSON, "en");

        assertThat(response.body().get("detail").asString()).startsWith("The input is not valid");
        assertThat(response.body().get("errors").get(0).get("message").asString()).contains("eleven test");
    }

    @Test
    void endsAFileInsteadOfDeletingIt() {
        String id = register("Hamid", "Verhuisd");
        Response read = caseworker().get("/api/v1/persons/" + id);

        Response ended = caseworker().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .post("/api/v1/persons/" + id + "/end")
            .contentType(MediaType.APPLICATION_JSON)
            .header("If-Match", read.header("ETag"))
            .content("{\"endedOn\":\"" + LocalDate.now() + "\",\"endReason\":\"MOVED_AWAY\"}"));

        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.body().get("endReason").asString()).isEqualTo("MOVED_AWAY");
        assertThat(caseworker().get("/api/v1/persons/" + id).status()).isEqualTo(200);
        assertThat(caseworker().get("/api/v1/persons?q=verhuisd").body().get("totalItems").asLong()).isZero();
        assertThat(caseworker().get("/api/v1/persons?q=verhuisd&includeEnded=true").body().get("totalItems").asLong())
            .isEqualTo(1);
    }

    @Test
    void meTellsWhoIsLoggedIn() {
        JsonNode me = caseworker().get("/api/v1/me").body();
        JsonNode partner = Api.as(mvc, "partner").get("/api/v1/me").body();

        assertThat(me.get("username").asString()).isEqualTo("begeleider");
        assertThat(me.get("roles").findValuesAsString("")).isEmpty();
        assertThat(me.get("roles").get(0).asString()).isEqualTo("CASEWORKER");
        assertThat(me.get("municipality").get("code").asString()).isEqualTo("0610");
        assertThat(me.get("municipality").get("name").asString()).isEqualTo("Sliedrecht");
        assertThat(me.get("partnerId").isNull()).isTrue();
        assertThat(partner.get("partnerId").isNull()).isFalse();
        assertThat(
                Api.as(mvc, "begeleider.dordrecht").get("/api/v1/me").body().get("municipality").get("code").asString())
            .isEqualTo("0505");
    }

    @Test
    void unknownAddressesAndMethodsAnswerAsProblemDetailsToo() {
        Response unknown = caseworker().get("/api/v1/bestaat-niet");
        Response wrongMethod = caseworker()
            .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/me"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(unknown.body().get("detail").asString()).isEqualTo("Dit adres bestaat niet.");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(wrongMethod.header("Allow")).contains("GET");
    }

    @Test
    void theLoginSessionWorksOnTheApiAndChangesNeedItsCsrfToken() throws Exception {
        var session = nl.meedoen.support.Pages.as(mvc, "begeleider").cookie();

        var me = mvc.perform(get("/api/v1/me").cookie(session)).andReturn().getResponse();
        var withoutToken = mvc
            .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/persons")
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content(Api.JSON.writeValueAsString(Api.person("Sessie", "Zonder-Token"))))
            .andReturn()
            .getResponse();
        var withToken = mvc
            .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/persons")
                .cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Api.JSON.writeValueAsString(Api.person("Sessie", "Met-Token"))))
            .andReturn()
            .getResponse();

        assertThat(me.getStatus()).isEqualTo(200);
        assertThat(withoutToken.getStatus()).isEqualTo(403);
        assertThat(withToken.getStatus()).isEqualTo(201);
    }

    @Test
    void healthNeedsNoLogin() throws Exception {
        var response = mvc.perform(get("/actuator/health")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("\"status\":\"UP\"").doesNotContain("components");
    }

    private String register(String givenName, String familyName) {
        Response created = caseworker().post("/api/v1/persons", Api.person(givenName, familyName));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private long total() {
        return caseworker().get("/api/v1/persons?size=1&includeEnded=true").body().get("totalItems").asLong();
    }

    private static String eightDigitBsn() {
        return TestBsns.nextWithLeadingZero().substring(1);
    }

}
