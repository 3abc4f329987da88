package nl.meedoen.audit.internal;

import java.time.Duration;
import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.Time;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The log's jobs, each run by one instance at a time: the chaining step every few
 * seconds, and the daily anchor of every municipality's chain.
 */
@Configuration(proxyBeanMethods = false)
class AuditJobs {

    @Bean
    Task<Void> auditChaining(Chain chain, @Value("${meedoen.audit.chain-interval:5s}") Duration interval) {
        return Tasks.recurring("audit-chaining", Schedules.fixedDelay(interval)).execute((instance, context) -> {
            chain.linkAll();
        });
    }

    /**
     * Off where a nightly anonymisation would pull data from under running work (the
     * integration tests: {@code meedoen.retention.nightly=false}).
     */
    @Bean
    @ConditionalOnProperty(name = "meedoen.retention.nightly", havingValue = "true", matchIfMissing = true)
    Task<Void> retentionNightly(Retention retention, Municipalities municipalities,
            @Value("${meedoen.retention.time:03:00}") LocalTime at) {
        return Tasks.recurring("retention-nightly", Schedules.daily(Time.ZONE, at)).execute((instance, context) -> {
            for (Municipality municipality : municipalities.all()) {
                Tenancy.runAs(municipality.id(), retention::run);
            }
        });
    }

    @Bean
    Task<Void> auditAnchor(Anchors anchors, Municipalities municipalities,
            @Value("${meedoen.audit.anchor-time:00:15}") LocalTime at) {
        return Tasks.recurring("audit-anchor", Schedules.daily(Time.ZONE, at)).execute((instance, context) -> {
            for (Municipality municipality : municipalities.all()) {
                Tenancy.runAs(municipality.id(), anchors::anchor);
            }
        });
    }

}
