package nl.meedoen.platform.jobs;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The one scheduler of an instance. A module declares its job as a bean of a db-scheduler
 * {@link Task} (a recurring task with {@code Tasks.recurring(…)}, a one-time task with
 * {@code Tasks.oneTime(…)}); every instance polls the {@code scheduled_tasks} table and
 * the row lock there makes each execution run on exactly one of them. A module that lets
 * a user start a job now injects {@link Scheduler} and schedules an instance of its
 * one-time task.
 * <p>
 * The scheduler starts only when the application is ready (migrations done, demo data
 * seeded), so no job sees a half-built database. {@code meedoen.jobs.enabled=false} keeps
 * an instance from running jobs at all (for instance a reporting replica). Every
 * execution is measured ({@code dbscheduler_task_duration_seconds} per task and result,
 * on {@code /actuator/prometheus}).
 */
@Configuration(proxyBeanMethods = false)
public class Jobs {

    @Bean(destroyMethod = "stop")
    @SuppressWarnings({ "unchecked", "rawtypes" })
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> declared, MeterRegistry meters,
            @Value("${meedoen.jobs.polling-interval:10s}") Duration pollingInterval,
            @Value("${meedoen.jobs.threads:2}") int threads,
            @Value("${meedoen.jobs.instance-name:}") String instanceName,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:20s}") Duration shutdownWait) {
        List<Task<?>> tasks = declared.orderedStream().toList();
        List recurring = tasks.stream().filter(OnStartup.class::isInstance).toList();
        // startTasks adds the recurring tasks to the known ones itself: naming them twice
        // fails the start
        List<Task<?>> others = tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        var builder = Scheduler.create(dataSource, others)
            .startTasks(recurring)
            .pollingInterval(pollingInterval)
            .threads(threads)
            .enableImmediateExecution()
            // on SIGTERM a running job gets as long as a running request, then its thread
            // is interrupted (db-scheduler's own default waits 30 minutes, which kept the
            // instance up through the night's aggregate refresh); the execution stays
            // picked, and db-scheduler revives it on a live instance once its heartbeat
            // is missed
            .shutdownMaxWait(shutdownWait)
            // dbscheduler_task_duration_seconds and _completions_total per task and
            // result
            .statsRegistry(new MicrometerStatsRegistry(meters, tasks));
        if (!instanceName.isBlank()) {
            builder.schedulerName(new SchedulerName.Fixed(instanceName));
        }
        return builder.build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWhenReady(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext().getEnvironment().getProperty("meedoen.jobs.enabled", Boolean.class, true)) {
            ready.getApplicationContext().getBean(Scheduler.class).start();
        }
    }

}
