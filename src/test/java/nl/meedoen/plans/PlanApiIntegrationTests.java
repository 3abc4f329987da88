package nl.meedoen.plans;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The personal plan API contract: goals, adoption and versions, reviews; each test on a
 * person of its own.
 */
@MeedoenIntegrationTest
class PlanApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    @Test
    void aFirstGoalStartsADraftPlanThatShowsTheGoalWithItsActions() {
        String person = person();
        assertThat(caseworker().get(plan(person)).status()).isEqualTo(404);

        Response goal = caseworker().post(plan(person) + "/goals",
                Map.of("area", "LANGUAGE", "description", "Taalniveau A2 voor spreken", "targetDate", "2027-06-30"));
        assertThat(goal.status()).isEqualTo(201);
        String goalId = goal.body().get("id").asString();
        assertThat(caseworker()
            .post(plan(person) + "/goals/" + goalId + "/actions",
                    Map.of("what", "Taalcafé in de bibliotheek, elke week", "who", "VOLUNTEER"))
            .status()).isEqualTo(201);

        Response read = caseworker().get(plan(person));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isNotBlank();
        JsonNode body = read.body();
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("status").asString()).isEqualTo("DRAFT");
        JsonNode first = body.get("goals").get(0);
        assertThat(first.get("id").asString()).isEqualTo(goalId);
        assertThat(first.get("area").asString()).isEqualTo("LANGUAGE");
        assertThat(first.get("description").asString()).isEqualTo("Taalniveau A2 voor spreken");
        assertThat(first.get("status").asString()).isEqualTo("OPEN");
        assertThat(first.get("actions").get(0).get("what").asString())
            .isEqualTo("Taalcafé in de bibliotheek, elke week");
        assertThat(first.get("actions").get(0).get("who").asString()).isEqualTo("VOLUNTEER");
        assertThat(auditEntries(person, "PLAN_UPDATE")).isEqualTo(2);
        assertThat(auditEntries(person, "PLAN_READ")).isEqualTo(2);
    }

    @Test
    void adoptedVersionStaysAsItWasAndAChangeStartsTheNextDraft() {
        String person = person();
        String goal = goal(person, "NORMS_AND_VALUES", "Participatieverklaring ondertekenen");

        Response adopted = caseworker().post(plan(person) + "/adoption", Map.of("adoptedOn", today()),
                caseworker().etag(plan(person)));
        assertThat(adopted.status()).isEqualTo(200);
        assertThat(adopted.body().get("version").asInt()).isEqualTo(1);
        assertThat(adopted.body().get("adoptedOn").asString()).isEqualTo(today());

        assertThat(caseworker()
            .post(plan(person) + "/adoption", Map.of("adoptedOn", today()), caseworker().etag(plan(person)))
            .status()).isEqualTo(409);

        goal(person, "WORK_AND_INCOME", "Werkervaringsplek via de sociale dienst");
        JsonNode draft = caseworker().get(plan(person)).body();
        assertThat(draft.get("version").asInt()).isEqualTo(2);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("goals")).hasSize(2);
        assertThat(draft.get("goals").get(0).get("id").asString()).isEqualTo(goal);

        JsonNode versions = caseworker().get(plan(person) + "/versions").body().get("items");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("status").asString()).isEqualTo("ADOPTED");
        assertThat(versions.get(0).get("goals")).hasSize(1);
        assertThat(versions.get(1).get("changes")).hasSize(1);
        assertThat(versions.get(1).get("changes").get(0).get("kind").asString()).isEqualTo("GOAL_ADDED");
        assertThat(versions.get(1).get("changes").get(0).get("subject").asString())
            .isEqualTo("Werkervaringsplek via de sociale dienst");

        Response second = caseworker().post(plan(person) + "/adoption", Map.of("adoptedOn", today()),
                caseworker().etag(plan(person)));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("version").asInt()).isEqualTo(2);
        assertThat(caseworker().get(plan(person) + "/versions").body().get("items").get(0).get("goals")).hasSize(1);
    }

    @Test
    void progressAndAdoptionSomeoneElseChangedAreRefused() {
        String person = person();
        String goal = goal(person, "LANGUAGE", "Lezen op A2");
        String action = caseworker()
            .post(plan(person) + "/goals/" + goal + "/actions", Map.of("what", "Taalles", "who", "PARTNER"))
            .body()
            .get("id")
            .asString();
        String planRead = caseworker().etag(plan(person));
        JsonNode read = caseworker().get(plan(person)).body().get("goals").get(0);
        String goalRead = IfMatch.etag(read.get("progressVersion").asInt());
        String actionRead = IfMatch.etag(read.get("actions").get(0).get("progressVersion").asInt());
        String status = plan(person) + "/goals/" + goal + "/status";
        String done = plan(person) + "/actions/" + action + "/done";

        assertThat(caseworker().put(status, Map.of("status", "ON_TRACK"), null).status()).isEqualTo(428);
        Response onTrack = caseworker().put(status, Map.of("status", "ON_TRACK"), goalRead);
        assertThat(onTrack.status()).isEqualTo(204);
        assertThat(onTrack.header("ETag")).isNotEqualTo(goalRead);
        assertThat(caseworker().put(status, Map.of("status", "AT_RISK"), goalRead).status()).isEqualTo(412);
        assertThat(caseworker().put(status, Map.of("status", "AT_RISK"), onTrack.header("ETag")).status())
            .isEqualTo(204);

        assertThat(caseworker().put(done, Map.of("doneOn", today()), null).status()).isEqualTo(428);
        Response marked = caseworker().put(done, Map.of("doneOn", today()), actionRead);
        assertThat(marked.status()).isEqualTo(204);
        Map<String, Object> notDone = new HashMap<>();
        notDone.put("doneOn", null);
        assertThat(caseworker().put(done, notDone, actionRead).status()).isEqualTo(412);
        Response undone = caseworker().put(done, notDone, marked.header("ETag"));
        assertThat(undone.status()).isEqualTo(204);
        // Not done again, but a later version: a form from before the first mark stays
        // refused.
        assertThat(caseworker().put(done, Map.of("doneOn", today()), actionRead).status()).isEqualTo(412);
        JsonNode now = caseworker().get(plan(person)).body().get("goals").get(0);
        assertThat(now.get("status").asString()).isEqualTo("AT_RISK");
        assertThat(now.get("actions").get(0).has("doneOn") && !now.get("actions").get(0).get("doneOn").isNull())
            .isFalse();

        assertThat(caseworker().post(plan(person) + "/adoption", Map.of("adoptedOn", today()), null).status())
            .isEqualTo(428);
        goal(person, "WORK_AND_INCOME", "Werkervaringsplek");
        assertThat(caseworker().post(plan(person) + "/adoption", Map.of("adoptedOn", today()), planRead).status())
            .isEqualTo(412);
        assertThat(caseworker().get(plan(person)).body().get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void theDatabaseRefusesToChangeAnAdoptedVersion() {
        String person = person();
        goal(person, "LANGUAGE", "Lezen op A2");
        caseworker().post(plan(person) + "/adoption", Map.of("adoptedOn", today()), caseworker().etag(plan(person)));
        JdbcClient owner = JdbcClient.create(ownerDataSource);

        assertThatThrownBy(() -> owner.sql("""
                update plan_goal set description = 'Anders' where version_id in (select v.id from plan_version v
                    join plan p on p.id = v.plan_id where p.person_id = cast(:p as uuid))""")
            .param("p", person)
            .update()).hasMessageContaining("adopted");
        assertThatThrownBy(() -> owner.sql("""
                update plan_version set monitoring = 'Anders' where plan_id in (select id from plan
                    where person_id = cast(:p as uuid))""").param("p", person).update())
            .hasMessageContaining("adopted");
    }

    @Test
    void aChangeOnAStaleETagIsRefused() {
        String person = person();
        goal(person, "LANGUAGE", "Lezen op A2");
        String etag = caseworker().get(plan(person)).header("ETag");
        goal(person, "OWN_NETWORK", "Taalmaatje vinden");

        Response stale = caseworker().perform(MockMvcRequestBuilders.post(plan(person) + "/goals")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"area\":\"LANGUAGE\",\"description\":\"Schrijven op A2\"}")
            .header("If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(caseworker().put(plan(person) + "/pip", Map.of("monitoring", "Elke drie maanden"), null).status())
            .isEqualTo(428);
        String fresh = caseworker().get(plan(person)).header("ETag");
        assertThat(caseworker().put(plan(person) + "/pip", Map.of("monitoring", "Elke drie maanden"), fresh).status())
            .isEqualTo(200);
    }

    @Test
    void unknownAreaIsRefusedInDutch() {
        String person = person();
        Response refused = caseworker().post(plan(person) + "/goals",
                Map.of("area", "HAPPINESS", "description", "Gelukkig zijn"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("speerpunt");
    }

    @Test
    void aReviewUpdatesTheGoalsAndTheNextReviewFollowsTheInterval() {
        String person = person();
        String goal = goal(person, "LANGUAGE", "Luisteren op A2");
        String held = LocalDate.now().toString();

        Response review = caseworker().post("/api/v1/persons/" + person + "/reviews", Map.of("heldOn", held, "notes",
                "Gaat goed, volgt de lessen trouw.", "goalStatuses", Map.of(goal, "ON_TRACK")));

        assertThat(review.status()).isEqualTo(201);
        assertThat(review.body().get("nextReviewDue").asString()).isEqualTo(LocalDate.now().plusMonths(3).toString());
        JsonNode plan = caseworker().get(plan(person)).body();
        assertThat(plan.get("goals").get(0).get("status").asString()).isEqualTo("ON_TRACK");
        assertThat(plan.get("nextReviewDue").asString()).isEqualTo(LocalDate.now().plusMonths(3).toString());
        assertThat(plan.get("reviewOverdue").asBoolean()).isFalse();
    }

    @Test
    void aReviewBeforeThePlanExistsIsRefused() {
        String person = person();
        goal(person, "LANGUAGE", "Luisteren op A2");

        Response early = caseworker().post("/api/v1/persons/" + person + "/reviews",
                Map.of("heldOn", LocalDate.now().minusDays(1).toString(), "notes", "", "goalStatuses", Map.of()));

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body().toString()).contains("heldOn");
    }

    @Test
    void aReviewWithAnUnknownStatusOrGoalIsRefused() {
        String person = person();
        String goal = goal(person, "LANGUAGE", "Luisteren op A2");
        String today = today();
        assertThat(caseworker()
            .post("/api/v1/persons/" + person + "/reviews",
                    Map.of("heldOn", today, "notes", "", "goalStatuses", Map.of(goal, "GREAT")))
            .status()).isEqualTo(400);
        assertThat(caseworker()
            .post("/api/v1/persons/" + person + "/reviews",
                    Map.of("heldOn", today, "notes", "", "goalStatuses", Map.of(UUID.randomUUID().toString(), "OPEN")))
            .status()).isEqualTo(400);
    }

    @Test
    void anotherMunicipalitysPlanIsNotFound() {
        String dordrecht = Api.as(mvc, "begeleider.dordrecht")
            .post("/api/v1/persons", Api.person("Selam", "Dordtse"))
            .body()
            .get("id")
            .asString();
        Api.as(mvc, "begeleider.dordrecht")
            .post(plan(dordrecht) + "/goals", Map.of("area", "LANGUAGE", "description", "Lezen"));

        assertThat(caseworker().get(plan(dordrecht)).status()).isEqualTo(404);
        assertThat(
                caseworker().post(plan(dordrecht) + "/goals", Map.of("area", "LANGUAGE", "description", "X")).status())
            .isEqualTo(404);
    }

    private String goal(String person, String area, String description) {
        Response goal = caseworker().post(plan(person) + "/goals", Map.of("area", area, "description", description));
        assertThat(goal.status()).isEqualTo(201);
        return goal.body().get("id").asString();
    }

    private String person() {
        Map<String, Object> body = new HashMap<>(Api.person("Plan", "Testpersoon"));
        body.put("languages", List.of("ti"));
        Response created = caseworker().post("/api/v1/persons", body);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static String plan(String person) {
        return "/api/v1/persons/" + person + "/plan";
    }

    private static String today() {
        return LocalDate.now().toString();
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
