package nl.meedoen.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly full run is a db-scheduler recurring task: several instances on one
 * database run each execution once.
 */
@MeedoenIntegrationTest
class SignalSchedulingIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Municipalities municipalities;

    @Autowired
    RecurringTask<Void> signalsNightly;

    @Test
    void twoSchedulersOnOneDatabaseRunTheNightlyJobOnce() throws InterruptedException {
        Instant started = Instant.now();
        Scheduler first = scheduler("signals-test-a");
        Scheduler second = scheduler("signals-test-b");
        first.start();
        second.start();
        try {
            jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = 'signals-nightly'").update();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (runsSince(started) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(3_000);
            assertThat(runsSince(started)).isEqualTo(1);
            Instant next = jdbc.sql("select execution_time from scheduled_tasks where task_name = 'signals-nightly'")
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
            assertThat(next).isAfter(Instant.now());
        }
        finally {
            first.stop();
            second.stop();
        }
    }

    Scheduler scheduler(String name) {
        return Scheduler.create(dataSource, List.of())
            .startTasks(List.of(signalsNightly))
            .schedulerName(new SchedulerName.Fixed(name))
            .pollingInterval(Duration.ofMillis(200))
            .threads(2)
            .build();
    }

    int runsSince(Instant started) {
        var sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        return Tenancy.runAs(sliedrecht,
                () -> jdbc.sql("""
                        select count(distinct run_id) from signal_run
                        where trigger = 'NIGHTLY' and finished_at >= :started""")
                    .param("started", java.sql.Timestamp.from(started))
                    .query(Integer.class)
                    .single());
    }

}
