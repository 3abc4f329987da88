package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No change of a trajectory part overwrites one the caller has not seen: a correction
 * names the version it read (428 without, 412 when stale), and two first saves at once
 * never both win.
 */
@MeedoenIntegrationTest
class TrajectoryLostUpdateIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aCorrectionOfTheIntegrationDutyNeedsTheVersionItCorrects() {
        String duty = duty(person());
        Map<String, Object> body = Map.of("regime", "WI2021", "duoNoticeDate", "2025-03-10", "brpRegistrationDate",
                "2025-03-01");
        Response first = caseworker().put(duty, body, null);
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).isEqualTo(caseworker().get(duty).header("ETag"));

        assertThat(caseworker().put(duty, body, null).status()).isEqualTo(428);
        assertThat(caseworker().put(duty, body, "\"" + (version(etag) + 5) + "\"").status()).isEqualTo(412);
        Response corrected = caseworker().put(duty, body, etag);
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(caseworker().put(duty, body, etag).status()).isEqualTo(412);
    }

    @Test
    void theRouteHoursNeedTheVersionOfTheLearningRoute() {
        String person = person();
        caseworker().put(duty(person),
                Map.of("regime", "WI2021", "duoNoticeDate", LocalDate.now().minusMonths(4).toString(),
                        "brpRegistrationDate", LocalDate.now().minusMonths(5).toString()),
                null);
        caseworker().post(duty(person) + "/plan",
                Map.of("adoptedOn", LocalDate.now().minusMonths(2).toString(), "route", "Z"),
                caseworker().etag(duty(person)));
        String progress = duty(person) + "/progress";
        String etag = caseworker().get(duty(person) + "/learning-route").header("ETag");

        assertThat(caseworker().put(progress, Map.of("zCourseHours", 10), null).status()).isEqualTo(428);
        assertThat(caseworker().put(progress, Map.of("zCourseHours", 10), "\"999\"").status()).isEqualTo(412);
        assertThat(caseworker().put(progress, Map.of("zCourseHours", 10), etag).status()).isEqualTo(200);
        assertThat(caseworker().put(progress, Map.of("zCourseHours", 20), etag).status()).isEqualTo(412);
        assertThat(caseworker().get(duty(person) + "/learning-route").body().get("zRoute").get("courseHours").asInt())
            .isEqualTo(10);
    }

    @Test
    void theParticipationDeclarationStatusNeedsTheVersionOnceRecorded() {
        String pvt = "/api/v1/persons/" + person() + "/participation-declaration";
        caseworker().post(pvt + "/sessions", Map.of("heldOn", "2025-03-03", "hours", 4));

        assertThat(caseworker().put(pvt, Map.of("status", "IN_PROGRESS"), null).status()).isEqualTo(428);
        assertThat(caseworker().put(pvt, Map.of("status", "IN_PROGRESS"), "\"999\"").status()).isEqualTo(412);
        assertThat(
                caseworker().put(pvt, Map.of("status", "IN_PROGRESS"), caseworker().get(pvt).header("ETag")).status())
            .isEqualTo(200);
    }

    @Test
    void reassigningTheTrajectoryCaseworkerNeedsTheVersion() {
        String person = person();
        String path = "/api/v1/persons/" + person + "/trajectory-caseworker";
        String me = caseworker().get("/api/v1/me").body().get("id").asString();
        Response first = caseworker().put(path, Map.of("userId", me), null);
        assertThat(first.status()).isEqualTo(200);

        assertThat(caseworker().put(path, Map.of("userId", me), null).status()).isEqualTo(428);
        assertThat(caseworker().put(path, Map.of("userId", me), "\"999\"").status()).isEqualTo(412);
        assertThat(caseworker().put(path, Map.of("userId", me), caseworker().get(path).header("ETag")).status())
            .isEqualTo(200);
    }

    @Test
    void twoFirstSavesOfTheSameDutyAtOnceNeverBothWin() {
        for (int round = 0; round < 5; round++) {
            String duty = duty(person());
            Map<String, Object> body = Map.of("regime", "WI2021", "duoNoticeDate", "2025-03-10", "brpRegistrationDate",
                    "2025-03-01");
            List<CompletableFuture<Integer>> saves = List.of(
                    CompletableFuture.supplyAsync(() -> caseworker().put(duty, body, null).status()),
                    CompletableFuture.supplyAsync(() -> caseworker().put(duty, body, null).status()));
            List<Integer> statuses = saves.stream().map(CompletableFuture::join).toList();

            assertThat(statuses).containsOnlyOnce(200);
            assertThat(caseworker().get(duty).header("ETag")).isEqualTo("\"0\"");
        }
    }

    @Test
    void twoFirstSavesOfTheSameIntakeAtOnceNeverBothWin() {
        for (int round = 0; round < 5; round++) {
            String intake = "/api/v1/persons/" + person() + "/intake";
            List<CompletableFuture<Integer>> saves = List.of(
                    CompletableFuture.supplyAsync(
                            () -> caseworker().put(intake, Map.of("educationHistory", "Eerste"), null).status()),
                    CompletableFuture.supplyAsync(
                            () -> caseworker().put(intake, Map.of("educationHistory", "Tweede"), null).status()));
            List<Integer> statuses = saves.stream().map(CompletableFuture::join).toList();

            assertThat(statuses).containsOnlyOnce(200);
            assertThat(caseworker().get(intake).header("ETag")).isEqualTo("\"1\"");
        }
    }

    private Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    private String person() {
        return caseworker().post("/api/v1/persons", Api.person("Versie", "Testpersoon")).body().get("id").asString();
    }

    private static String duty(String person) {
        return "/api/v1/persons/" + person + "/integration-duty";
    }

    private static int version(String etag) {
        return Integer.parseInt(etag.replace("\"", ""));
    }

}
