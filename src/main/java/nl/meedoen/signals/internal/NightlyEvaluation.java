package nl.meedoen.signals.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.Time;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The full evaluation of every municipality: each night at 02:00 as a db-scheduler
 * recurring task (one instance of a cluster runs it), and on an administrator's request
 * for their own municipality. Each municipality runs in a transaction of its own and
 * leaves its figures in {@code signal_run}.
 */
@Component
public class NightlyEvaluation {

    /** The name of the nightly task in {@code scheduled_tasks}. */
    public static final String TASK = "signals-nightly";

    /** Who started a run. */
    public enum Trigger {

        NIGHTLY, ADMIN

    }

    private final Evaluation evaluation;

    private final Municipalities municipalities;

    private final JdbcClient jdbc;

    private final Clock clock;

    NightlyEvaluation(Evaluation evaluation, Municipalities municipalities, JdbcClient jdbc, Clock clock) {
        this.evaluation = evaluation;
        this.municipalities = municipalities;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Evaluates every municipality; answers the sum of their figures. */
    public Evaluation.Outcome all(Trigger trigger) {
        UUID run = UUID.randomUUID();
        Evaluation.Outcome total = new Evaluation.Outcome(0, 0, 0);
        for (Municipality municipality : municipalities.all()) {
            Evaluation.Outcome one = Tenancy.runAs(municipality.id(), () -> evaluate(run, trigger));
            total = new Evaluation.Outcome(total.evaluatedPersons() + one.evaluatedPersons(),
                    total.raised() + one.raised(), total.resolved() + one.resolved());
        }
        return total;
    }

    /** Evaluates the current municipality. */
    public Evaluation.Outcome current(Trigger trigger) {
        return evaluate(UUID.randomUUID(), trigger);
    }

    private Evaluation.Outcome evaluate(UUID run, Trigger trigger) {
        long started = System.nanoTime();
        Evaluation.Outcome outcome = evaluation.evaluateAll();
        jdbc.sql("""
                insert into signal_run (run_id, municipality_id, trigger, evaluated_on, evaluated_persons, raised,
                    resolved, millis)
                values (:run, :m, :trigger, :today, :persons, :raised, :resolved, :millis)""")
            .param("run", run)
            .param("m", Tenancy.require())
            .param("trigger", trigger.name())
            .param("today", LocalDate.now(clock))
            .param("persons", outcome.evaluatedPersons())
            .param("raised", outcome.raised())
            .param("resolved", outcome.resolved())
            .param("millis", (System.nanoTime() - started) / 1_000_000)
            .update();
        return outcome;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> signalsNightly(NightlyEvaluation nightly) {
            return Tasks.recurring(TASK, Schedules.daily(Time.ZONE, LocalTime.of(2, 0)))
                .execute((instance, context) -> nightly.all(Trigger.NIGHTLY));
        }

    }

}
