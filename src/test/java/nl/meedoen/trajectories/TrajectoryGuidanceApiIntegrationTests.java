package nl.meedoen.trajectories;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The social guidance API contract, each test on persons of its own. */
@MeedoenIntegrationTest
class TrajectoryGuidanceApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    Api teamLead() {
        return Api.as(mvc, "teamleider");
    }

    @Test
    void guidanceStartedOnThe31stOfAugustEndsOnTheLastDayOfFebruary() {
        String person = person("2023-08-01");

        Response started = caseworker().post(guidance(person), Map.of("startDate", "2023-08-31"));

        assertThat(started.status()).isEqualTo(201);
        assertThat(started.body().get("startDate").asString()).isEqualTo("2023-08-31");
        assertThat(started.body().get("endDate").asString()).isEqualTo("2024-02-29");
        assertThat(started.body().get("status").asString()).isEqualTo("ACTIVE");
        JsonNode read = caseworker().get(guidance(person)).body();
        assertThat(read.get("endDate").asString()).isEqualTo("2024-02-29");
        assertThat(read.has("extension")).isFalse();
        assertThat(auditEntries(person, "TRAJECTORY_UPDATE")).isEqualTo(1);
        assertThat(auditEntries(person, "TRAJECTORY_READ")).isEqualTo(1);
    }

    @Test
    void guidanceCannotStartBeforeArrivalNorTwice() {
        String person = person("2025-03-10");

        Response early = caseworker().post(guidance(person), Map.of("startDate", "2025-03-09"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body().toString()).contains("aankomst");
        assertThat(caseworker().get(guidance(person)).status()).isEqualTo(404);

        assertThat(caseworker().post(guidance(person), Map.of("startDate", "2025-03-10")).status()).isEqualTo(201);
        assertThat(caseworker().post(guidance(person), Map.of("startDate", "2025-03-11")).status()).isEqualTo(409);
    }

    @Test
    void aTeamLeadApprovesAnExtensionOnceAndTheEndDateMoves() {
        String person = started("2025-08-31");

        Response requested = caseworker().post(guidance(person) + "/extension-requests",
                Map.of("months", 3, "reason", "Gezondheid vraagt meer tijd"));
        assertThat(requested.status()).isEqualTo(201);
        assertThat(requested.body().get("status").asString()).isEqualTo("PENDING");
        String request = requested.body().get("id").asString();
        assertThat(caseworker().get(guidance(person)).body().get("extension").get("status").asString())
            .isEqualTo("PENDING");

        Response byCaseworker = caseworker().post(approval(person, request), Map.of("note", "Akkoord"),
                version(person));
        assertThat(byCaseworker.status()).isEqualTo(403);

        Response approved = teamLead().post(approval(person, request), Map.of("note", "Akkoord, eenmalig"),
                version(person));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("endDate").asString()).isEqualTo("2026-05-31");
        assertThat(approved.body().get("extension").get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().get("extension").get("note").asString()).isEqualTo("Akkoord, eenmalig");

        Response again = teamLead().post(approval(person, request), Map.of(), version(person));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asString()).contains("al een keer verlengd");
        Response secondRequest = caseworker().post(guidance(person) + "/extension-requests",
                Map.of("months", 1, "reason", "Nog meer tijd"));
        assertThat(secondRequest.status()).isEqualTo(409);
        assertThat(caseworker().get(guidance(person)).body().get("endDate").asString()).isEqualTo("2026-05-31");
    }

    @Test
    void aRejectedRequestKeepsTheEndDateAndNeedsANote() {
        String person = started("2025-01-15");
        String request = caseworker()
            .post(guidance(person) + "/extension-requests", Map.of("months", 2, "reason", "Taalcursus loopt nog"))
            .body()
            .get("id")
            .asString();

        assertThat(teamLead().post(rejection(person, request), Map.of(), version(person)).status()).isEqualTo(400);
        Response rejected = teamLead().post(rejection(person, request), Map.of("note", "Past in het lokale beleid"),
                version(person));

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().get("status").asString()).isEqualTo("REJECTED");
        assertThat(caseworker().get(guidance(person)).body().get("endDate").asString()).isEqualTo("2025-07-15");
        assertThat(teamLead().post(approval(person, request), Map.of(), version(person)).status()).isEqualTo(409);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 4, -1 })
    void anExtensionOfOtherThanOneToThreeMonthsIsRefused(int months) {
        String person = started("2025-02-01");

        Response refused = caseworker().post(guidance(person) + "/extension-requests",
                Map.of("months", months, "reason", "Reden"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(caseworker().get(guidance(person)).body().has("extension")).isFalse();
    }

    @Test
    void anExtensionWithoutAReasonIsRefusedAndATeamLeadDoesNotRequestOne() {
        String person = started("2025-02-01");

        assertThat(caseworker().post(guidance(person) + "/extension-requests", Map.of("months", 3, "reason", " "))
            .status()).isEqualTo(400);
        assertThat(caseworker().post(guidance(person) + "/extension-requests", Map.of("months", 3)).status())
            .isEqualTo(400);
        assertThat(teamLead().post(guidance(person) + "/extension-requests", Map.of("months", 3, "reason", "Zorg"))
            .status()).isEqualTo(403);
    }

    @Test
    void closingRequiresAHandoverDecisionAndNoFollowUpRequiresItsReason() {
        String person = started("2025-02-01");

        Response none = caseworker().post(guidance(person) + "/closing", Map.of("closedOn", "2025-08-01"),
                version(person));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().toString()).contains("handover");
        Response unknown = caseworker().post(guidance(person) + "/closing",
                Map.of("closedOn", "2025-08-01", "handover", "ELSEWHERE"), version(person));
        assertThat(unknown.status()).isEqualTo(400);
        Response noReason = caseworker().post(guidance(person) + "/closing",
                Map.of("closedOn", "2025-08-01", "handover", "NO_FOLLOW_UP"), version(person));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(caseworker().get(guidance(person)).body().get("status").asString()).isEqualTo("ACTIVE");

        Response closed = caseworker().post(guidance(person) + "/closing",
                Map.of("closedOn", "2025-08-01", "handover", "NO_FOLLOW_UP", "reason", "Werkt en spreekt Nederlands"),
                version(person));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.body().get("handover").asString()).isEqualTo("NO_FOLLOW_UP");
        assertThat(caseworker()
            .post(guidance(person) + "/closing", Map.of("closedOn", "2025-08-02", "handover", "LOCAL_POLICY"),
                    version(person))
            .status()).isEqualTo(409);
    }

    @Test
    void closingIntoTheLocalPolicyNeedsNoReasonAndEndsAPendingRequest() {
        String person = started("2025-02-01");
        caseworker().post(guidance(person) + "/extension-requests", Map.of("months", 3, "reason", "Zorg"));

        Response closed = caseworker().post(guidance(person) + "/closing",
                Map.of("closedOn", "2025-08-01", "handover", "LOCAL_POLICY"), version(person));

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().get("extension").get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void aDecisionOrClosingOnAGuidanceSomeoneElseChangedIsRefused() {
        String person = started("2025-03-01");
        String read = version(person);
        String request = caseworker()
            .post(guidance(person) + "/extension-requests", Map.of("months", 2, "reason", "Taalcursus loopt nog"))
            .body()
            .get("id")
            .asString();

        Response stale = teamLead().post(approval(person, request), Map.of(), read);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(teamLead().post(approval(person, request), Map.of(), null).status()).isEqualTo(428);
        String current = version(person);
        assertThat(current).isNotEqualTo(read);
        Response rejected = teamLead().post(rejection(person, request), Map.of("note", "Past in het lokale beleid"),
                current);
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.header("ETag")).isNotEqualTo(current);

        Map<String, String> closing = Map.of("closedOn", "2025-08-01", "handover", "LOCAL_POLICY");
        assertThat(caseworker().post(guidance(person) + "/closing", closing, current).status()).isEqualTo(412);
        assertThat(caseworker().post(guidance(person) + "/closing", closing, null).status()).isEqualTo(428);
        assertThat(caseworker().get(guidance(person)).body().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(caseworker().post(guidance(person) + "/closing", closing, version(person)).status()).isEqualTo(200);
    }

    @Test
    void anotherMunicipalitysPersonIsNotFound() {
        String dordrecht = Api.as(mvc, "begeleider.dordrecht")
            .post("/api/v1/persons", Api.person("Selam", "Dordtse"))
            .body()
            .get("id")
            .asString();

        assertThat(caseworker().post(guidance(dordrecht), Map.of("startDate", "2025-01-01")).status()).isEqualTo(404);
        assertThat(caseworker().get(guidance(dordrecht)).status()).isEqualTo(404);
    }

    @Test
    void messagesAreInEnglishWhenAskedFor() {
        String person = started("2025-02-01");
        caseworker().post(guidance(person) + "/extension-requests", Map.of("months", 3, "reason", "Zorg"));
        String request = caseworker().get(guidance(person)).body().get("extension").get("id").asString();
        teamLead().post(approval(person, request), Map.of(), version(person));

        Response refused = teamLead()
            .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(approval(person, request))
                .header("If-Match", version(person))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{}")
                .header("Accept-Language", "en"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("already been extended once");
    }

    private String started(String startDate) {
        String person = person(null);
        assertThat(caseworker().post(guidance(person), Map.of("startDate", startDate)).status()).isEqualTo(201);
        return person;
    }

    private String person(String arrivalDate) {
        Map<String, Object> body = new HashMap<>(Api.person("Traject", "Testpersoon"));
        if (arrivalDate != null) {
            body.put("arrivalDate", arrivalDate);
        }
        Response created = caseworker().post("/api/v1/persons", body);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static String guidance(String person) {
        return "/api/v1/persons/" + person + "/guidance";
    }

    /** The guidance's version as a caseworker reads it now: its ETag. */
    private String version(String person) {
        return caseworker().etag(guidance(person));
    }

    private static String approval(String person, String request) {
        return guidance(person) + "/extension-requests/" + request + "/approval";
    }

    private static String rejection(String person, String request) {
        return guidance(person) + "/extension-requests/" + request + "/rejection";
    }

    private long auditEntries(String person, String action) {
        return JdbcClient.create(ownerDataSource)
            .sql("select count(*) from audit_entry where person_id = cast(:p as uuid) and action = :a")
            .param("p", person)
            .param("a", action)
            .query(Long.class)
            .single();
    }

}
