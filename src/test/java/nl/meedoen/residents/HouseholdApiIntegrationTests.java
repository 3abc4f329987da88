package nl.meedoen.residents;

import java.util.List;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** Households: composition rules and the household id on each member's file. */
@MeedoenIntegrationTest
class HouseholdApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    @Test
    void createsAHouseholdAndLinksEveryMember() {
        String head = register("Ahmad", "Rahimi-Gezin");
        String child = register("Maryam", "Rahimi-Gezin");

        Response created = caseworker().post("/api/v1/households", Map.of("members",
                List.of(Map.of("personId", head, "role", "HEAD"), Map.of("personId", child, "role", "CHILD"))));

        assertThat(created.status()).isEqualTo(201);
        String householdId = created.body().get("id").asString();
        assertThat(caseworker().get("/api/v1/persons/" + head).body().get("householdId").asString())
            .isEqualTo(householdId);
        assertThat(caseworker().get("/api/v1/households/" + householdId).body().get("members").size()).isEqualTo(2);
        assertThat(created.body().get("members").get(1).get("age").asInt()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aPersonBelongsToOneHouseholdAtATime() {
        String person = register("Farid", "Eenhuishouden");
        assertThat(caseworker()
            .post("/api/v1/households", Map.of("members", List.of(Map.of("personId", person, "role", "HEAD"))))
            .status()).isEqualTo(201);

        Response second = caseworker().post("/api/v1/households",
                Map.of("members", List.of(Map.of("personId", person, "role", "OTHER"))));

        assertThat(second.status()).isEqualTo(409);
    }

    @Test
    void aHouseholdHasAtMostOneHead() {
        String first = register("Jawad", "Tweehoofden");
        String second = register("Najib", "Tweehoofden");

        Response response = caseworker().post("/api/v1/households", Map.of("members",
                List.of(Map.of("personId", first, "role", "HEAD"), Map.of("personId", second, "role", "HEAD"))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").findValuesAsString("field")).contains("members");
    }

    @Test
    void anotherMunicipalitysPersonCannotJoinAndIsNotFound() {
        String foreign = Api.as(mvc, "begeleider.dordrecht")
            .post("/api/v1/persons", Api.person("Noor", "Dordtse"))
            .body()
            .get("id")
            .asString();

        Response response = caseworker().post("/api/v1/households",
                Map.of("members", List.of(Map.of("personId", foreign, "role", "HEAD"))));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void emptyOrUnknownRolesAreRefused() {
        assertThat(caseworker().post("/api/v1/households", Map.of("members", List.of())).status()).isEqualTo(400);
        String person = register("Karim", "Rolloos");
        assertThat(caseworker()
            .post("/api/v1/households", Map.of("members", List.of(Map.of("personId", person, "role", "KING"))))
            .status()).isEqualTo(400);
    }

    private String register(String givenName, String familyName) {
        Response created = caseworker().post("/api/v1/persons", Api.person(givenName, familyName));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

}
