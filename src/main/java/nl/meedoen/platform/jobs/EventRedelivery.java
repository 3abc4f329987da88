package nl.meedoen.platform.jobs;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Delivers again the events whose listener never finished: a listener that failed, or an
 * instance that crashed or was killed between the write that published the event and the
 * listener's own transaction. The publication log ({@code event_publication}) keeps every
 * event until its listener completes; this job hands those older than
 * {@code meedoen.events.redeliver-after} (default 10 minutes, far beyond any listener's
 * run) to their listeners again. Being a db-scheduler task, one instance of the
 * installation runs each round; listeners are written to be idempotent.
 */
@Configuration(proxyBeanMethods = false)
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    @Bean
    Task<Void> eventRedeliveryTask(IncompleteEventPublications incomplete,
            @Value("${meedoen.events.redeliver-after:10m}") Duration after,
            @Value("${meedoen.events.redeliver-interval:1m}") Duration interval) {
        return Tasks.recurring("event-redelivery", Schedules.fixedDelay(interval)).execute((instance, context) -> {
            log.debug("Resubmitting event publications incomplete for more than {}", after);
            incomplete.resubmitIncompletePublicationsOlderThan(after);
        });
    }

}
