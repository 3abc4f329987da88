package nl.meedoen.platform.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose listener never finished: a listener that failed, or an
 * instance that crashed or was killed between the write that published the event and the
 * listener's own transaction, or while it was delivering an event again. The publication
 * log ({@code event_publication}) keeps every event until its listener completes. Each
 * round marks as failed the publications unfinished for longer than
 * {@code meedoen.events.redeliver-after} (default 10 minutes, far beyond any listener's
 * run), then hands the failed ones to their listeners, at most
 * {@code meedoen.events.redeliver-batch} (default 500) in flight at a time, so a backlog
 * is worked off in steps instead of being queued a second time at once. A round comes
 * every {@code meedoen.events.redeliver-interval} (default 10 seconds): a batch of signal
 * triggers takes about 15 seconds, so a round a minute would cap the redelivery at 500 a
 * minute. Being a db-scheduler task, one instance of the installation runs each round;
 * listeners are written to be idempotent.
 * <p>
 * A redelivered publication has status {@code RESUBMITTED}, which Spring Modulith never
 * resubmits again: one whose instance stopped before its listener finished would stay
 * unfinished for good. Its age is counted from its last resubmission, not from the
 * publication (as Spring Modulith's own staleness monitor does): an old event handed over
 * a minute ago waits in a listener's queue; it is not lost.
 */
@Component
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final IncompleteEventPublications incomplete;

    private final JdbcClient db;

    private final Clock clock;

    private final Duration after;

    private final int batch;

    EventRedelivery(IncompleteEventPublications incomplete, JdbcClient db, Clock clock,
            @Value("${meedoen.events.redeliver-after:10m}") Duration after,
            @Value("${meedoen.events.redeliver-batch:500}") int batch) {
        this.incomplete = incomplete;
        this.db = db;
        this.clock = clock;
        this.after = after;
        this.batch = batch;
    }

    /**
     * One round: the publications left unfinished for longer than {@code redeliver-after}
     * are marked failed, then at most one batch of the failed ones goes to its listeners.
     * @return how many publications this round found unfinished and marked failed
     */
    int redeliver() {
        Timestamp before = Timestamp.from(clock.instant().minus(after));
        int unfinished = db.sql("""
                update event_publication
                   set status = 'FAILED'
                 where completion_date is null
                   and (status in ('PUBLISHED', 'PROCESSING') and publication_date < :before
                        or status = 'RESUBMITTED' and last_resubmission_date < :before)""")
            .param("before", before)
            .update();
        if (unfinished > 0) {
            log.info("{} event publications unfinished for more than {}; delivering them again", unfinished, after);
        }
        // Spring Modulith counts the publications in status RESUBMITTED as in flight and
        // hands over no more while a batch is
        incomplete.resubmitIncompletePublications(
                ResubmissionOptions.defaults().withMinAge(after).withBatchSize(batch).withMaxInFlight(batch));
        return unfinished;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        Task<Void> eventRedeliveryTask(EventRedelivery redelivery,
                @Value("${meedoen.events.redeliver-interval:10s}") Duration interval) {
            return Tasks.recurring("event-redelivery", Schedules.fixedDelay(interval))
                .execute((instance, context) -> redelivery.redeliver());
        }

    }

}
