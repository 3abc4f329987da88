package nl.meedoen.platform.jobs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.platform.Time;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event whose listener never finished is delivered again, also when the instance
 * stopped while it was itself delivering that event again (status {@code RESUBMITTED},
 * which Spring Modulith on its own never takes up a second time); a resubmission of a
 * minute ago is left to the listener that has it. The publications are real ones, of a
 * housing match made through the API, set back as an instance killed at that moment would
 * have left them.
 */
@MeedoenIntegrationTest
class EventRedeliveryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient db;

    @Autowired
    EventRedelivery redelivery;

    @Test
    void aPublicationLeftResubmittedByAStoppedInstanceIsDeliveredAgain() {
        UUID publication = completedPublicationOfAHousingMatch();
        leaveUnfinished(publication, "RESUBMITTED", Duration.ofHours(2), Duration.ofHours(1));

        assertThat(redelivery.redeliver()).isGreaterThanOrEqualTo(1);

        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> "COMPLETED".equals(status(publication)));
        assertThat(db.sql("select completion_date from event_publication where id = :id")
            .param("id", publication)
            .query(Timestamp.class)
            .single()).isNotNull();
    }

    @Test
    void aPublicationLeftPublishedBeforeItsListenerRanIsDeliveredAgain() {
        UUID publication = completedPublicationOfAHousingMatch();
        leaveUnfinished(publication, "PUBLISHED", Duration.ofHours(2), null);

        redelivery.redeliver();

        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> "COMPLETED".equals(status(publication)));
    }

    @Test
    void aResubmissionOfAMinuteAgoIsLeftToTheListenerThatHasIt() {
        UUID publication = completedPublicationOfAHousingMatch();
        leaveUnfinished(publication, "RESUBMITTED", Duration.ofHours(2), Duration.ofMinutes(1));
        try {
            redelivery.redeliver();

            assertThat(status(publication)).isEqualTo("RESUBMITTED");
            assertThat(db.sql("select completion_date from event_publication where id = :id")
                .param("id", publication)
                .query(Timestamp.class)
                .optional()).isEmpty();
        }
        finally {
            db.sql("update event_publication set status = 'COMPLETED', completion_date = now() where id = :id")
                .param("id", publication)
                .update();
        }
    }

    /** A publication of a housing match's event that its listener completed. */
    UUID completedPublicationOfAHousingMatch() {
        Api caseworker = Api.as(mvc, "begeleider");
        Api.Response created = caseworker.post("/api/v1/persons", Api.person("Herbezorgd", "Bericht"));
        assertThat(created.status()).isEqualTo(201);
        String person = created.body().get("id").asString();
        assertThat(caseworker
            .post("/api/v1/matches",
                    Map.of("personIds", List.of(person), "matchDate",
                            LocalDate.now(Time.ZONE).minusWeeks(12).toString()))
            .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> db.sql("""
                select count(*) from event_publication
                 where serialized_event like :p and event_type like '%HouseholdMatched%'
                   and completion_date is not null""").param("p", "%" + person + "%").query(Long.class).single() > 0);
        return db.sql("""
                select id from event_publication
                 where serialized_event like :p and event_type like '%HouseholdMatched%'
                   and completion_date is not null
                 limit 1""").param("p", "%" + person + "%").query(UUID.class).single();
    }

    /**
     * Sets a publication back to unfinished, published and last resubmitted the given
     * time ago.
     */
    void leaveUnfinished(UUID publication, String status, Duration publishedAgo, Duration resubmittedAgo) {
        Instant now = Instant.now();
        db.sql("""
                update event_publication
                   set status = :status, completion_date = null, publication_date = :published,
                       last_resubmission_date = :resubmitted
                 where id = :id""")
            .param("status", status)
            .param("published", Timestamp.from(now.minus(publishedAgo)))
            .param("resubmitted", resubmittedAgo == null ? null : Timestamp.from(now.minus(resubmittedAgo)))
            .param("id", publication)
            .update();
    }

    String status(UUID publication) {
        return db.sql("select status from event_publication where id = :id")
            .param("id", publication)
            .query(String.class)
            .single();
    }

}
