package nl.meedoen.signals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changes in plans, housing and the own network reach the signals at once, through each
 * module's past-tense events (after the commit, through the event publication registry),
 * not only at night: a review recorded resolves an overdue review, a placement the
 * housing deadline, two network contacts the risk of isolation.
 */
@MeedoenIntegrationTest
class SignalTriggersIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Municipalities municipalities;

    @Autowired
    Signals signals;

    SignalFixtures given;

    LocalDate today = LocalDate.now(nl.meedoen.platform.Time.ZONE);

    @BeforeEach
    void fixtures() {
        given = new SignalFixtures(municipalities, jdbc, mvc, signals);
    }

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    void awaitStatuses(UUID person, SignalCode rule, String... statuses) {
        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(given.statuses(person, rule)).containsExactly(statuses));
    }

    @Test
    void aPlanReviewRecordedResolvesTheOverdueReviewAtOnce() {
        UUID person = given.person();
        assertThat(caseworker()
            .post("/api/v1/persons/" + person + "/plan/goals", Map.of("area", "LANGUAGE", "description", "Taal B1"))
            .status()).isEqualTo(201);
        given.sql("update plan set started_on = :d where person_id = :p", "p", person, "d", today.minusYears(1));
        given.evaluate(person);
        assertThat(given.statuses(person, SignalCode.REVIEW_OVERDUE)).containsExactly("OPEN");

        assertThat(caseworker()
            .post("/api/v1/persons/" + person + "/reviews", Map.of("heldOn", today.toString(), "notes", "Gesprek"))
            .status()).isEqualTo(201);

        awaitStatuses(person, SignalCode.REVIEW_OVERDUE, "RESOLVED");
        assertThat(given.one("select resolved_by_itself from signal where person_id = :p and rule = 'REVIEW_OVERDUE'",
                Boolean.class, "p", person))
            .isTrue();
    }

    @Test
    void aHousingMatchRaisesTheDeadlineAndThePlacementResolvesIt() {
        UUID person = given.person();
        assertThat(
                caseworker()
                    .post("/api/v1/matches",
                            Map.of("personIds", List.of(person.toString()), "matchDate",
                                    today.minusWeeks(12).toString()))
                    .status())
            .isEqualTo(201);
        awaitStatuses(person, SignalCode.HOUSING_DEADLINE, "OPEN");

        assertThat(caseworker()
            .post("/api/v1/placements",
                    Map.of("personIds", List.of(person.toString()), "keyHandoverDate", today.toString()))
            .status()).isEqualTo(201);

        awaitStatuses(person, SignalCode.HOUSING_DEADLINE, "RESOLVED");
    }

    @Test
    void networkContactsAddedResolveTheRiskOfIsolation() {
        UUID person = given.person();
        given.sql("update person set category = 'ESTABLISHED_MIGRANT', registration_date = :d where id = :p", "p",
                person, "d", today.minusYears(3));
        given.evaluate(person);
        assertThat(given.statuses(person, SignalCode.ISOLATION_RISK)).containsExactly("OPEN");

        String contacts = "/api/v1/persons/" + person + "/contacts";
        assertThat(caseworker().post(contacts, Map.of("kind", "FRIEND", "name", "Fatima")).status()).isEqualTo(201);
        // one contact is still fewer than the minimum of two: the signal stays open
        await().during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(given.statuses(person, SignalCode.ISOLATION_RISK)).containsExactly("OPEN"));
        assertThat(caseworker().post(contacts, Map.of("kind", "FAMILY", "name", "Ahmed")).status()).isEqualTo(201);

        awaitStatuses(person, SignalCode.ISOLATION_RISK, "RESOLVED");
    }

}
