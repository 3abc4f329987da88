package nl.meedoen.provisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The provision directory API on the demo directory of Sliedrecht. */
@MeedoenIntegrationTest
class ProvisionApiIntegrationTests {

    private static final String LANGUAGE_SCHOOL = "4f1c8a52-6f0e-4b9a-9a51-2d7c3e0b1a01";

    @Autowired
    MockMvc mvc;

    @Test
    void theDemoLanguageSchoolOfThePartnerAccountHasProvisionsOfItsOwn() {
        JsonNode partners = Api.as(mvc, "begeleider").get("/api/v1/partners").body().get("items");
        List<String> kinds = new ArrayList<>();
        partners.forEach(p -> kinds.add(p.get("kind").asString()));
        assertThat(kinds).contains("SOCIAL_SERVICE", "SOCIAL_TEAM", "LANGUAGE_SCHOOL", "LIBRARY",
                "VOLUNTEER_ORGANISATION", "SCHOOL", "SPORT_CLUB", "MENTAL_HEALTH");
        JsonNode school = null;
        for (JsonNode p : partners) {
            if (p.get("id").asString().equals(LANGUAGE_SCHOOL)) {
                school = p;
            }
        }
        assertThat(school).isNotNull();
        assertThat(school.get("name").asString()).isEqualTo("Taalschool De Brug");
        assertThat(school.get("city").asString()).isEqualTo("Sliedrecht");
        assertThat(items(Api.as(mvc, "begeleider").get("/api/v1/provisions")).stream()
            .filter(p -> p.get("partnerId").asString().equals(LANGUAGE_SCHOOL))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theDirectoryIsFilteredByDomainLanguageAndText() {
        Api caseworker = Api.as(mvc, "begeleider");

        List<JsonNode> language = items(caseworker.get("/api/v1/provisions?domain=LANGUAGE"));
        assertThat(language).isNotEmpty().allSatisfy(p -> assertThat(p.get("domain").asString()).isEqualTo("LANGUAGE"));
        assertThat(language.get(0).has("id")).isTrue();
        assertThat(language.get(0).has("name")).isTrue();
        assertThat(language.get(0).has("partnerId")).isTrue();
        assertThat(language.get(0).get("languages").isArray()).isTrue();

        List<JsonNode> tigrinya = items(caseworker.get("/api/v1/provisions?domain=LANGUAGE&language=ti"));
        assertThat(tigrinya).isNotEmpty()
            .allSatisfy(p -> assertThat(p.get("languages").toString()).contains("\"ti\""))
            .hasSizeLessThan(language.size());

        List<JsonNode> swimming = items(caseworker.get("/api/v1/provisions?q=zwem"));
        assertThat(swimming).extracting(p -> p.get("name").asString()).containsExactly("Zwemles voor volwassenen");

        assertThat(caseworker.get("/api/v1/provisions?domain=COOKING").status()).isEqualTo(400);
        assertThat(items(caseworker.get("/api/v1/provisions?q=%25"))).isEmpty();
    }

    @Test
    void anotherMunicipalitySeesOnlyItsOwnDirectory() {
        List<JsonNode> dordrecht = items(Api.as(mvc, "begeleider.dordrecht").get("/api/v1/provisions"));
        assertThat(dordrecht).isNotEmpty()
            .noneSatisfy(p -> assertThat(p.get("partnerId").asString()).isEqualTo(LANGUAGE_SCHOOL));
        String sliedrechtProvision = items(Api.as(mvc, "begeleider").get("/api/v1/provisions")).get(0)
            .get("id")
            .asString();
        assertThat(Api.as(mvc, "begeleider.dordrecht").get("/api/v1/provisions/" + sliedrechtProvision).status())
            .isEqualTo(404);
    }

    @Test
    void onlyAnAdministratorAddsAProvisionAndItsRulesAreCheckedPerField() {
        Map<String, Object> body = Map.of("partnerId", LANGUAGE_SCHOOL, "name", "Schrijfles op maat", "description",
                "Oefenen met brieven en formulieren schrijven.", "domain", "LANGUAGE", "languages", List.of("nl", "ar"),
                "targetGroup", "Volwassenen vanaf A2");

        assertThat(Api.as(mvc, "begeleider").post("/api/v1/provisions", body).status()).isEqualTo(403);
        assertThat(Api.as(mvc, "partner").post("/api/v1/provisions", body).status()).isEqualTo(403);

        Response created = Api.as(mvc, "beheerder").post("/api/v1/provisions", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("name").asString()).isEqualTo("Schrijfles op maat");
        assertThat(created.body().get("active").asBoolean()).isTrue();
        assertThat(items(Api.as(mvc, "begeleider").get("/api/v1/provisions?q=Schrijfles"))).hasSize(1);
        assertThat(Api.as(mvc, "beheerder").post("/api/v1/provisions", body).status()).isEqualTo(400);

        Response invalid = Api.as(mvc, "beheerder")
            .post("/api/v1/provisions", Map.of("partnerId", "00000000-0000-0000-0000-000000000000", "domain", "COOKING",
                    "languages", List.of("klingon")));
        assertThat(invalid.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        invalid.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("partnerId", "name", "description", "domain", "languages");
    }

    @Test
    void aProvisionIsChangedWithItsVersion() {
        Api admin = Api.as(mvc, "beheerder");
        Response created = admin.post("/api/v1/provisions", Map.of("partnerId", LANGUAGE_SCHOOL, "name",
                "Conversatieles " + System.nanoTime(), "description", "Praten.", "domain", "LANGUAGE"));
        String path = "/api/v1/provisions/" + created.body().get("id").asString();
        String etag = admin.get(path).header("ETag");
        Map<String, Object> change = Map.of("partnerId", LANGUAGE_SCHOOL, "name",
                "Conversatieles gevorderd " + System.nanoTime(), "description", "Praten over werk.", "domain",
                "WORK_AND_INCOME", "active", false);

        assertThat(admin.put(path, change, null).status()).isEqualTo(428);
        Response changed = admin.put(path, change, etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("active").asBoolean()).isFalse();
        assertThat(admin.put(path, change, etag).status()).isEqualTo(412);
    }

    private static List<JsonNode> items(Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.body().get("items").forEach(items::add);
        return items;
    }

}
