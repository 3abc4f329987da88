package nl.meedoen.trajectories;

import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The PVT API: sessions add up, and completed needs twelve hours and a signing date. */
@MeedoenIntegrationTest
class TrajectoryParticipationDeclarationIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    @Test
    void sessionsAddUpAndCompletionNeedsTwelveHoursAndASigningDate() {
        String person = caseworker().post("/api/v1/persons", Api.person("Participatie", "Testpersoon"))
            .body()
            .get("id")
            .asString();
        String pvt = "/api/v1/persons/" + person + "/participation-declaration";
        assertThat(caseworker().get(pvt).body().get("status").asString()).isEqualTo("NOT_STARTED");

        Response first = caseworker().post(pvt + "/sessions",
                Map.of("heldOn", "2025-03-03", "hours", 8, "topic", "Vrijheid en gelijkwaardigheid"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("status").asString()).isEqualTo("IN_PROGRESS");

        Response tooFew = caseworker().put(pvt, Map.of("status", "COMPLETED", "signedOn", "2025-03-10"), null);
        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(caseworker().post(pvt + "/sessions", Map.of("heldOn", "2025-03-10", "hours", 0)).status())
            .isEqualTo(400);
        assertThat(caseworker().post(pvt + "/sessions", Map.of("heldOn", "2025-03-10", "hours", 4.5)).status())
            .isEqualTo(201);
        assertThat(caseworker().put(pvt, Map.of("status", "COMPLETED"), null).status()).isEqualTo(400);
        assertThat(caseworker().put(pvt, Map.of("status", "SIGNED", "signedOn", "2025-03-10"), null).status())
            .isEqualTo(400);

        Response completed = caseworker().put(pvt, Map.of("status", "COMPLETED", "signedOn", "2025-03-10"),
                caseworker().get(pvt).header("ETag"));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.body().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.body().get("hours").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(completed.body().get("signedOn").asString()).isEqualTo("2025-03-10");
        assertThat(completed.body().get("sessions")).hasSize(2);
    }

    @Test
    void anotherMunicipalitysPersonIsNotFound() {
        String dordrecht = Api.as(mvc, "begeleider.dordrecht")
            .post("/api/v1/persons", Api.person("Selam", "Dordtse"))
            .body()
            .get("id")
            .asString();

        assertThat(caseworker().get("/api/v1/persons/" + dordrecht + "/participation-declaration").status())
            .isEqualTo(404);
    }

}
