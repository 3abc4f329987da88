package nl.meedoen.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.Time;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The maintained aggregates of the indicators ({@code indicator_aggregate}): the raw
 * figures of the live {@link IndicatorEngine}, before suppression, stored per
 * municipality, period and scope (the whole municipality and each of its teams) so that
 * the dashboard, the API and the council report read a few hundred rows instead of
 * computing over every open file.
 * <p>
 * <b>What is kept</b>: the last complete half-year and the ones before it
 * ({@code meedoen.monitoring.aggregates.half-years}, default 9: the dashboard's eight
 * choices and the one before the oldest), the current half-year, and the current year
 * with the years before it ({@code …years}, default 6: the year's trend of six).
 * <b>When</b>: each night at 03:30 as a db-scheduler recurring task (one instance of a
 * cluster runs it; municipalities in parallel, {@code …parallelism}, default 2), and on
 * an administrator's request for the own municipality. A municipality's scopes and
 * periods are replaced in one transaction, so a reader sees the old set or the new one.
 * <b>Freshness</b>: a stored set is used when it holds every indicator of the engine and
 * is younger than {@code …max-age} (default 36 hours: one missed night still serves
 * yesterday's figures, two do not); every other period is computed live, as before. The
 * figures are shown with the time they were computed.
 */
@Service
public class IndicatorAggregates {

    /** The name of the nightly task in {@code scheduled_tasks}. */
    public static final String TASK = "monitoring-aggregates-nightly";

    /** Who started a refresh. */
    public enum Trigger {

        NIGHTLY, ADMIN

    }

    /**
     * The raw figures of one period and scope as stored, with when they were computed.
     */
    public record Stored(List<Suppression.Raw> raws, Instant computedAt) {
    }

    /** What a refresh did: municipalities, periods and scopes written, and how long. */
    public record Refresh(int municipalities, int periods, int scopes, long millis, Instant computedAt) {
    }

    /** The national sum of one indicator over the municipalities' aggregates. */
    public record National(Suppression.Raw raw, long municipalities, Instant oldest) {
    }

    private final IndicatorEngine engine;

    private final Municipalities municipalities;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final TransactionTemplate transaction;

    private final int halfYears;

    private final int years;

    private final int parallelism;

    private final Duration maxAge;

    IndicatorAggregates(IndicatorEngine engine, Municipalities municipalities, JdbcClient jdbc, Clock clock,
            PlatformTransactionManager transactions,
            @Value("${meedoen.monitoring.aggregates.half-years:9}") int halfYears,
            @Value("${meedoen.monitoring.aggregates.years:6}") int years,
            @Value("${meedoen.monitoring.aggregates.parallelism:2}") int parallelism,
            @Value("${meedoen.monitoring.aggregates.max-age:36h}") Duration maxAge) {
        this.engine = engine;
        this.municipalities = municipalities;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.halfYears = Math.max(1, halfYears);
        this.years = Math.max(0, years);
        this.parallelism = Math.max(1, parallelism);
        this.maxAge = maxAge;
    }

    /** The periods a refresh computes, on a day. */
    public List<MonitoringPeriod> kept(LocalDate today) {
        List<MonitoringPeriod> periods = new ArrayList<>();
        MonitoringPeriod last = MonitoringPeriod.lastCompleteHalfYear(today);
        MonitoringPeriod current = last.half() == 2 ? MonitoringPeriod.parse((last.year() + 1) + "-H1")
                : MonitoringPeriod.parse(last.year() + "-H2");
        periods.add(current);
        periods.addAll(last.trend(halfYears));
        if (years > 0) {
            periods.addAll(MonitoringPeriod.parse(Integer.toString(today.getYear())).trend(years));
        }
        return periods;
    }

    /** Refreshes the current municipality (an administrator's request). */
    public Refresh refreshCurrent(Trigger trigger) {
        return refresh(UUID.randomUUID(), trigger);
    }

    /**
     * Refreshes every municipality, several at a time; answers the sum. When one fails,
     * the others still run and the first failure is raised at the end (db-scheduler then
     * retries the task; what was stored stays valid).
     */
    public Refresh refreshAll(Trigger trigger) {
        UUID run = UUID.randomUUID();
        long started = System.nanoTime();
        List<Municipality> all = municipalities.all();
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, all.size())), work -> {
            Thread thread = new Thread(work, "monitoring-aggregates-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Refresh>> refreshes = new ArrayList<>();
            for (Municipality municipality : all) {
                refreshes.add(pool.submit(() -> Tenancy.runAs(municipality.id(), () -> refresh(run, trigger))));
            }
            int periods = 0;
            int scopes = 0;
            RuntimeException failure = null;
            for (Future<Refresh> refresh : refreshes) {
                try {
                    Refresh done = refresh.get();
                    periods = Math.max(periods, done.periods());
                    scopes += done.scopes();
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
                    throw new IllegalStateException("The refresh of the indicator aggregates was interrupted", ex);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return new Refresh(all.size(), periods, scopes, (System.nanoTime() - started) / 1_000_000, clock.instant());
        }
        finally {
            pool.shutdown();
        }
    }

    private Refresh refresh(UUID run, Trigger trigger) {
        UUID municipality = Tenancy.require();
        List<MonitoringPeriod> periods = kept(LocalDate.now(clock));
        List<@Nullable UUID> scopes = new ArrayList<>();
        scopes.add(null);
        scopes.addAll(municipalities.teams(municipality));
        Refresh refresh = transaction.execute(status -> {
            long started = System.nanoTime();
            // as the database keeps it (microseconds), so the figures carry the time
            // stored
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            // one refresh of a municipality at a time (the night's and an
            // administrator's, or
            // two instances): the second waits and then replaces the first one's rows
            jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('indicator_aggregate'), hashtext(cast(:m as text)))")
                .param("m", municipality.toString())
                .query((rs, n) -> 1)
                .list();
            jdbc.sql("delete from indicator_aggregate where municipality_id = :m").param("m", municipality).update();
            for (UUID team : scopes) {
                List<List<Suppression.Raw>> figures = engine.compute(periods, team);
                store(municipality, team == null ? municipality : team, periods, figures, now);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            jdbc.sql("""
                    insert into indicator_refresh (run_id, municipality_id, trigger, periods, scopes, millis)
                    values (:run, :m, :trigger, :periods, :scopes, :millis)""")
                .param("run", run)
                .param("m", municipality)
                .param("trigger", trigger.name())
                .param("periods", periods.size())
                .param("scopes", scopes.size())
                .param("millis", millis)
                .update();
            return new Refresh(1, periods.size(), scopes.size(), millis, now);
        });
        if (refresh == null) {
            throw new IllegalStateException("refresh without outcome");
        }
        return refresh;
    }

    private void store(UUID municipality, UUID scope, List<MonitoringPeriod> periods,
            List<List<Suppression.Raw>> figures, Instant now) {
        List<String> names = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        List<Long> persons = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            for (Suppression.Raw raw : figures.get(p)) {
                names.add(periods.get(p).toString());
                codes.add(raw.code());
                amounts.add(raw.amount());
                persons.add(raw.persons());
            }
        }
        jdbc.sql(
                """
                        insert into indicator_aggregate (municipality_id, period, scope_id, code, amount, persons, computed_at)
                        select :m, u.period, :scope, u.code, u.amount, u.persons, :now
                        from unnest(string_to_array(cast(:periods as text), ','), string_to_array(cast(:codes as text), ','),
                            cast(string_to_array(cast(:amounts as text), ',') as numeric[]),
                            cast(string_to_array(cast(:persons as text), ',') as bigint[])) as u(period, code, amount, persons)""")
            .param("m", municipality)
            .param("scope", scope)
            .param("now", Timestamp.from(now))
            .param("periods", String.join(",", names))
            .param("codes", String.join(",", codes))
            .param("amounts", amounts.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(",")))
            .param("persons", persons.stream().map(String::valueOf).collect(Collectors.joining(",")))
            .update();
    }

    /**
     * The stored figures of the current municipality (or the team's caseload) for those
     * of the periods that have a fresh and complete set, in the order of
     * {@link IndicatorEngine#indicators()}.
     */
    @Transactional(readOnly = true)
    public Map<MonitoringPeriod, Stored> fresh(List<MonitoringPeriod> periods, @Nullable UUID team) {
        UUID municipality = Tenancy.require();
        Instant oldest = clock.instant().minus(maxAge);
        Map<String, Map<String, Suppression.Raw>> byPeriod = new HashMap<>();
        Map<String, Instant> computed = new HashMap<>();
        Map<String, Indicator> known = new HashMap<>();
        engine.indicators().forEach(indicator -> known.put(indicator.code(), indicator));
        jdbc.sql(
                """
                        select period, code, amount, persons, computed_at from indicator_aggregate
                        where municipality_id = :m and scope_id = :scope and period = any(string_to_array(cast(:periods as text), ','))
                            and computed_at >= :oldest""")
            .param("m", municipality)
            .param("scope", team == null ? municipality : team)
            .param("periods", periods.stream().map(MonitoringPeriod::toString).collect(Collectors.joining(",")))
            .param("oldest", Timestamp.from(oldest))
            .query(rs -> {
                String period = rs.getString("period");
                Indicator indicator = known.get(rs.getString("code"));
                if (indicator == null) {
                    return;
                }
                byPeriod.computeIfAbsent(period, p -> new HashMap<>())
                    .put(indicator.code(), new Suppression.Raw(indicator.code(), indicator.measure(), indicator.group(),
                            rs.getBigDecimal("amount"), rs.getLong("persons")));
                Instant at = rs.getTimestamp("computed_at").toInstant();
                computed.merge(period, at, (a, b) -> a.isBefore(b) ? a : b);
            });
        Map<MonitoringPeriod, Stored> fresh = new LinkedHashMap<>();
        for (MonitoringPeriod period : periods) {
            Map<String, Suppression.Raw> raws = byPeriod.get(period.toString());
            if (raws == null || raws.size() != known.size()) {
                continue;
            }
            fresh.put(period, new Stored(engine.indicators().stream().map(i -> raws.get(i.code())).toList(),
                    computed.get(period.toString())));
        }
        return fresh;
    }

    /**
     * The sums over every municipality's municipality-wide aggregate of the period, per
     * indicator in the order of {@link IndicatorEngine#indicators()}, medians left out
     * (they cannot be summed): a count, share or total is the sum of the amounts and
     * persons; an average is weighted by its persons. Empty when no municipality has the
     * period aggregated.
     */
    @Transactional(readOnly = true)
    public List<National> national(MonitoringPeriod period) {
        Map<String, National> sums = new HashMap<>();
        Map<String, Indicator> known = new HashMap<>();
        engine.indicators().forEach(indicator -> known.put(indicator.code(), indicator));
        jdbc.sql("select code, amount, weighted, persons, municipalities, oldest from indicator_national(:period)")
            .param("period", period.toString())
            .query(rs -> {
                Indicator indicator = known.get(rs.getString("code"));
                if (indicator == null || indicator.measure() == Indicator.Measure.MEDIAN) {
                    return;
                }
                BigDecimal persons = rs.getBigDecimal("persons");
                BigDecimal amount = indicator.measure() == Indicator.Measure.AVERAGE
                        ? (persons.signum() == 0 ? BigDecimal.ZERO
                                : rs.getBigDecimal("weighted").divide(persons, 6, RoundingMode.HALF_UP))
                        : rs.getBigDecimal("amount");
                sums.put(indicator.code(),
                        new National(
                                new Suppression.Raw(indicator.code(), indicator.measure(), indicator.group(), amount,
                                        persons.longValueExact()),
                                rs.getLong("municipalities"), rs.getTimestamp("oldest").toInstant()));
            });
        return engine.indicators().stream().map(i -> sums.get(i.code())).filter(n -> n != null).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> monitoringAggregatesNightly(IndicatorAggregates aggregates) {
            return Tasks.recurring(TASK, Schedules.daily(Time.ZONE, LocalTime.of(3, 30)))
                .execute((instance, context) -> aggregates.refreshAll(Trigger.NIGHTLY));
        }

    }

}
