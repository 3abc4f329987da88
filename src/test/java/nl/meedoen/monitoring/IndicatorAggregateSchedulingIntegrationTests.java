package nl.meedoen.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.monitoring.internal.IndicatorAggregates;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly refresh of the indicator aggregates is a db-scheduler recurring task:
 * several instances on one database run each execution once, and it stores the figures of
 * every municipality.
 */
@MeedoenIntegrationTest
class IndicatorAggregateSchedulingIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Municipalities municipalities;

    @Autowired
    RecurringTask<Void> monitoringAggregatesNightly;

    @Test
    void twoSchedulersOnOneDatabaseRefreshTheAggregatesOnce() throws InterruptedException {
        Instant started = Instant.now();
        Scheduler first = scheduler("aggregates-test-a");
        Scheduler second = scheduler("aggregates-test-b");
        first.start();
        second.start();
        try {
            jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = :task")
                .param("task", IndicatorAggregates.TASK)
                .update();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while ((runsSince(started) == 0 || running()) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(2_000);
            assertThat(runsSince(started)).isEqualTo(1);
            UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
            long stored = Tenancy.runAs(sliedrecht,
                    () -> jdbc.sql("select count(*) from indicator_aggregate where scope_id = municipality_id")
                        .query(Long.class)
                        .single());
            assertThat(stored).isGreaterThan(100);
            Instant next = jdbc.sql("select execution_time from scheduled_tasks where task_name = :task")
                .param("task", IndicatorAggregates.TASK)
                .query(Timestamp.class)
                .single()
                .toInstant();
            assertThat(next).isAfter(Instant.now());
        }
        finally {
            first.stop();
            second.stop();
            // the other tests see live figures
            for (Municipality municipality : municipalities.all()) {
                Tenancy.runAs(municipality.id(),
                        () -> jdbc.sql("delete from indicator_aggregate where municipality_id = :m")
                            .param("m", municipality.id())
                            .update());
            }
        }
    }

    Scheduler scheduler(String name) {
        return Scheduler.create(dataSource, List.of())
            .startTasks(List.of(monitoringAggregatesNightly))
            .schedulerName(new SchedulerName.Fixed(name))
            .pollingInterval(Duration.ofMillis(200))
            .threads(2)
            .build();
    }

    boolean running() {
        return jdbc.sql("select picked from scheduled_tasks where task_name = :task")
            .param("task", IndicatorAggregates.TASK)
            .query(Boolean.class)
            .single();
    }

    int runsSince(Instant started) {
        UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        return Tenancy.runAs(sliedrecht,
                () -> jdbc.sql("""
                        select count(distinct run_id) from indicator_refresh
                        where trigger = 'NIGHTLY' and finished_at >= :started""")
                    .param("started", Timestamp.from(started))
                    .query(Integer.class)
                    .single());
    }

}
