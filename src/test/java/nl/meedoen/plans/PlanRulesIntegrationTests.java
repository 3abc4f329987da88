package nl.meedoen.plans;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import nl.meedoen.plans.internal.PersonalPlan;
import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The plan's rules as pages and API meet them: dates on a fixed day, the texts' limits,
 * If-Match, and one read logged per page or call.
 */
@MeedoenIntegrationTest
class PlanRulesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    @Test
    void aReviewIsOverdueTheDayAfterTheIntervalSinceAdoption() {
        String person = person();
        try (var day = clock.fixedAt(LocalDate.of(2024, 11, 30))) {
            goal(person, "Lezen op A2");
            assertThat(caseworker()
                .post(plan(person) + "/adoption", Map.of("adoptedOn", "2024-11-30"), caseworker().etag(plan(person)))
                .status()).isEqualTo(200);
            assertThat(caseworker()
                .post(plan(person) + "/adoption", Map.of("adoptedOn", "2024-12-01"), caseworker().etag(plan(person)))
                .status()).isEqualTo(409);
        }
        try (var day = clock.fixedAt(LocalDate.of(2025, 2, 28))) {
            JsonNode due = caseworker().get(plan(person)).body();
            assertThat(due.get("nextReviewDue").asString()).isEqualTo("2025-02-28");
            assertThat(due.get("reviewOverdue").asBoolean()).isFalse();
        }
        try (var day = clock.fixedAt(LocalDate.of(2025, 3, 1))) {
            assertThat(caseworker().get(plan(person)).body().get("reviewOverdue").asBoolean()).isTrue();
            Response tomorrow = caseworker().post("/api/v1/persons/" + person + "/reviews",
                    Map.of("heldOn", "2025-03-02", "notes", "", "goalStatuses", Map.of()));
            assertThat(tomorrow.status()).isEqualTo(400);
            assertThat(tomorrow.body().toString()).contains("heldOn");
        }
    }

    @Test
    void theApiRefusesATextOverThePlansLimitWithItsField() {
        String person = person();
        Response tooLong = caseworker().post(plan(person) + "/goals",
                Map.of("area", "LANGUAGE", "description", "x".repeat(PersonalPlan.MAX_DESCRIPTION + 1)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("errors").get(0).get("field").asString()).isEqualTo("description");

        String goal = goal(person, "Lezen op A2");
        Response action = caseworker().post(plan(person) + "/goals/" + goal + "/actions",
                Map.of("what", "x".repeat(PersonalPlan.MAX_ACTION + 1), "who", "PERSON"));
        assertThat(action.status()).isEqualTo(400);
        assertThat(action.body().get("errors").get(0).get("field").asString()).isEqualTo("what");

        Response pip = caseworker().put(plan(person) + "/pip",
                Map.of("monitoring", "x".repeat(PersonalPlan.MAX_PIP_ELEMENT + 1)),
                caseworker().get(plan(person)).header("ETag"));
        assertThat(pip.status()).isEqualTo(400);
        assertThat(pip.body().get("errors").get(0).get("field").asString()).isEqualTo("monitoring");
    }

    @Test
    void aChangedGoalNeedsAnIfMatchThatNamesTheCurrentVersion() {
        String person = person();
        String goal = goal(person, "Lezen op A2");
        String etag = caseworker().get(plan(person)).header("ETag");
        String body = "{\"area\":\"LANGUAGE\",\"description\":\"Lezen op B1\"}";

        assertThat(change(person, goal, body, null).status()).isEqualTo(428);
        assertThat(change(person, goal, body, "\"abc\"").status()).isEqualTo(412);
        Response changed = change(person, goal, body, etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("description").asString()).isEqualTo("Lezen op B1");
        assertThat(change(person, goal, body, etag).status()).isEqualTo(412);
    }

    @Test
    void thePlanTabLogsOneReadOfThePersonAndOfEachChildShown() throws Exception {
        String parent = person();
        Map<String, Object> childBody = new HashMap<>(Api.person("Kind", "Leeslog"));
        childBody.put("dateOfBirth", LocalDate.now(clock).minusYears(4).toString());
        String child = caseworker().post("/api/v1/persons", childBody).body().get("id").asString();
        assertThat(caseworker()
            .post("/api/v1/households", Map.of("members",
                    List.of(Map.of("personId", parent, "role", "HEAD"), Map.of("personId", child, "role", "CHILD"))))
            .status()).isEqualTo(201);

        String page = Pages.as(mvc, "begeleider")
            .perform(get("/personen/" + parent + "/plan"))
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Kind Leeslog");
        assertThat(reads(parent)).isEqualTo(1);
        assertThat(reads(child)).isEqualTo(1);
        caseworker().get("/api/v1/persons/" + parent + "/language-levels");
        caseworker().get("/api/v1/persons/" + parent + "/lesson-hours");
        assertThat(reads(parent)).isEqualTo(3);
    }

    private Response change(String person, String goal, String body, String ifMatch) {
        var request = put(plan(person) + "/goals/" + goal).contentType(MediaType.APPLICATION_JSON).content(body);
        return caseworker().perform(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    private String goal(String person, String description) {
        Response goal = caseworker().post(plan(person) + "/goals",
                Map.of("area", "LANGUAGE", "description", description));
        assertThat(goal.status()).isEqualTo(201);
        return goal.body().get("id").asString();
    }

    private String person() {
        return caseworker().post("/api/v1/persons", Api.person("Regel", "Plantest")).body().get("id").asString();
    }

    private static String plan(String person) {
        return "/api/v1/persons/" + person + "/plan";
    }

    private long reads(String person) {
        return JdbcClient.create(ownerDataSource)
            .sql("select count(*) from audit_entry where person_id = cast(:p as uuid) and action = 'PLAN_READ'")
            .param("p", person)
            .query(Long.class)
            .single();
    }

}
