package nl.meedoen.signals.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.Time;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full evaluation of every municipality: each night at 02:00 as a db-scheduler
 * recurring task (one instance of a cluster runs it), and on an administrator's request
 * for their own municipality. Each municipality runs in a transaction of its own, which
 * also leaves its figures in {@code signal_run}, so a municipality's signals and its
 * figures are stored together or not at all.
 * <p>
 * The instance that runs the night evaluates {@code meedoen.signals.parallelism}
 * municipalities at a time (default 2, one per core of a small server), each on a
 * connection of its own; municipalities share no signals, so their transactions do not
 * touch each other's rows.
 */
@Component
public class NightlyEvaluation {

    private static final Logger log = LoggerFactory.getLogger(NightlyEvaluation.class);

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

    private final TransactionTemplate transaction;

    private final int parallelism;

    NightlyEvaluation(Evaluation evaluation, Municipalities municipalities, JdbcClient jdbc, Clock clock,
            PlatformTransactionManager transactions, @Value("${meedoen.signals.parallelism:2}") int parallelism) {
        this.evaluation = evaluation;
        this.municipalities = municipalities;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * Evaluates every municipality, several at a time; answers the sum of their figures.
     * When one fails, the others still run, and the first failure is raised at the end
     * (the task then fails and db-scheduler retries it as a whole; what was stored stays,
     * a second evaluation raises no duplicates).
     */
    public Evaluation.Outcome all(Trigger trigger) {
        UUID run = UUID.randomUUID();
        long started = System.nanoTime();
        List<Municipality> all = municipalities.all();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, all.size())), workers());
        try {
            List<Future<Evaluation.Outcome>> outcomes = new ArrayList<>();
            for (Municipality municipality : all) {
                outcomes.add(pool.submit(() -> Tenancy.runAs(municipality.id(), () -> evaluate(run, trigger))));
            }
            Evaluation.Outcome total = new Evaluation.Outcome(0, 0, 0);
            RuntimeException failure = null;
            for (Future<Evaluation.Outcome> outcome : outcomes) {
                try {
                    total = total.plus(outcome.get());
                }
                catch (ExecutionException ex) {
                    if (failure == null) {
                        failure = (ex.getCause() instanceof RuntimeException runtime) ? runtime
                                : new IllegalStateException(ex.getCause());
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new IllegalStateException("The signals evaluation was interrupted", ex);
                }
            }
            log.info(
                    "Signals evaluated in {} municipalities in {} ms: {} persons, {} raised, {} resolved; "
                            + "per step, ms summed over the municipalities: {}",
                    all.size(), (System.nanoTime() - started) / 1_000_000, total.evaluatedPersons(), total.raised(),
                    total.resolved(), total.slowestSteps());
            if (failure != null) {
                throw failure;
            }
            return total;
        }
        finally {
            pool.shutdown();
        }
    }

    /** Evaluates the current municipality. */
    public Evaluation.Outcome current(Trigger trigger) {
        return evaluate(UUID.randomUUID(), trigger);
    }

    private Evaluation.Outcome evaluate(UUID run, Trigger trigger) {
        return transaction.execute(status -> {
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
        });
    }

    private static ThreadFactory workers() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "signals-evaluation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
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
