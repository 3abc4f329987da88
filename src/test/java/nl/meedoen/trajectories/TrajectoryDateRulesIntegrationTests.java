package nl.meedoen.trajectories;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The trajectory's date rules on a day the test sets, and the reads the team's pages log.
 */
@MeedoenIntegrationTest
class TrajectoryDateRulesIntegrationTests {

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
    void aGuidanceEndIsDueOnItsLastDayAndOverdueFromTheDayAfter() {
        String person = person("Datum", "Einddatum");
        assertThat(caseworker().post(guidance(person), Map.of("startDate", "2023-08-31")).status()).isEqualTo(201);

        try (var day = clock.fixedAt(LocalDate.of(2024, 2, 29))) {
            JsonNode due = guidanceEnd(person);
            assertThat(due.get("dueDate").asString()).isEqualTo("2024-02-29");
            assertThat(due.get("overdue").asBoolean()).isFalse();
        }
        try (var day = clock.fixedAt(LocalDate.of(2024, 3, 1))) {
            assertThat(guidanceEnd(person).get("overdue").asBoolean()).isTrue();
        }
    }

    @Test
    void anIntakeDateAfterTodayIsRefusedAndTodayIsAccepted() {
        String person = person("Datum", "Intakedag");

        try (var day = clock.fixedAt(LocalDate.of(2024, 2, 29))) {
            assertThat(caseworker().put(intake(person), Map.of("learnabilityTestedOn", "2024-03-01"), null).status())
                .isEqualTo(400);
            assertThat(caseworker().put(intake(person), Map.of("learnabilityTestedOn", "2024-02-29"), null).status())
                .isEqualTo(200);
        }
    }

    @Test
    void guidanceIsClosedOnTodayAtTheLatest() {
        String person = person("Datum", "Afsluitdag");
        assertThat(caseworker().post(guidance(person), Map.of("startDate", "2024-01-10")).status()).isEqualTo(201);

        try (var day = clock.fixedAt(LocalDate.of(2024, 2, 29))) {
            Response tomorrow = caseworker().post(guidance(person) + "/closing",
                    Map.of("closedOn", "2024-03-01", "handover", "LOCAL_POLICY"), caseworker().etag(guidance(person)));
            assertThat(tomorrow.status()).isEqualTo(400);
            assertThat(tomorrow.body().toString()).contains("closedOn");
            assertThat(caseworker()
                .post(guidance(person) + "/closing", Map.of("closedOn", "2024-02-29", "handover", "LOCAL_POLICY"),
                        caseworker().etag(guidance(person)))
                .status()).isEqualTo(200);
        }
    }

    @Test
    void aPvtSessionAfterTodayIsRefused() {
        String person = person("Datum", "Bijeenkomst");
        String sessions = "/api/v1/persons/" + person + "/participation-declaration/sessions";

        try (var day = clock.fixedAt(LocalDate.of(2024, 2, 29))) {
            assertThat(caseworker().post(sessions, Map.of("heldOn", "2024-03-01", "hours", 2)).status()).isEqualTo(400);
            assertThat(caseworker().post(sessions, Map.of("heldOn", "2024-02-29", "hours", 2)).status()).isEqualTo(201);
        }
    }

    @Test
    void theCalendarAndTheQueueLogOneReadOfEachPersonShown() throws Exception {
        String person = person("Lezen", "Kalender");
        caseworker().post(guidance(person), Map.of("startDate", LocalDate.now().minusMonths(7).toString()));
        caseworker().post(guidance(person) + "/extension-requests", Map.of("months", 2, "reason", "Taalcursus"));
        long before = reads(person);

        assertThat(caseworker().get("/api/v1/deadlines").body().toString()).contains(person);
        assertThat(reads(person)).isEqualTo(before + 1);

        String queue = Pages.as(mvc, "teamleider")
            .perform(get("/traject/verlengingen"))
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(queue).contains("Lezen Kalender").contains("Taalcursus");
        assertThat(reads(person)).isEqualTo(before + 2);
    }

    private JsonNode guidanceEnd(String person) {
        Response calendar = caseworker().get("/api/v1/deadlines");
        assertThat(calendar.status()).isEqualTo(200);
        for (JsonNode item : calendar.body().get("items")) {
            if (item.get("personId").asString().equals(person) && item.get("kind").asString().equals("GUIDANCE_END")) {
                return item;
            }
        }
        throw new AssertionError("no guidance end for " + person);
    }

    private long reads(String person) {
        return JdbcClient.create(ownerDataSource)
            .sql("select count(*) from audit_entry where person_id = cast(:p as uuid) and action = 'TRAJECTORY_READ'")
            .param("p", person)
            .query(Long.class)
            .single();
    }

    private String person(String given, String family) {
        Response created = caseworker().post("/api/v1/persons", Api.person(given, family));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static String guidance(String person) {
        return "/api/v1/persons/" + person + "/guidance";
    }

    private static String intake(String person) {
        return "/api/v1/persons/" + person + "/intake";
    }

}
