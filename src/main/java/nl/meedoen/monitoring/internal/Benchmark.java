package nl.meedoen.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.Time;
import nl.meedoen.residents.ResidentSets;
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
 * The benchmark between municipalities. Row-level security keeps every municipality's
 * figures to itself, so a request never reads another municipality: the nightly job
 * ({@link #publish}) runs the indicators of each opted-in municipality in turn, as that
 * municipality and suppressed by its own threshold, and writes for each opted-in
 * municipality, into its own rows of {@code benchmark_figure}, the median and quartiles
 * of the <em>other</em> opted-in municipalities of its size class.
 * <p>
 * No published figure is one municipality's: with fewer peers than the minimum
 * ({@code benchmark_min_peers}, at least 3, set on {@code /beheer/monitor}) nothing is
 * given; every figure is the mean of {@code k} (the minimum) neighbouring values around
 * the quantile's rank, so with 3 peers the "median" is the mean of all three, and a
 * quantile read exactly (percentile_cont) would have given one peer's value — with 3
 * peers q1, median and q3 would even give all three. The quartiles are only given from
 * {@code 2k} peers. A suppressed figure of a peer is left out of that indicator's peers.
 */
@Service
public class Benchmark {

    public static final String TASK = "monitoring-benchmark-nightly";

    /**
     * The size classes by the number of open files in Meedoen: the persons the monitor's
     * figures are about.
     */
    public enum SizeClass {

        SMALL(0), MEDIUM(250), LARGE(1000), LARGEST(5000);

        private final long from;

        SizeClass(long from) {
            this.from = from;
        }

        public long from() {
            return from;
        }

        static SizeClass of(long persons) {
            SizeClass found = SMALL;
            for (SizeClass size : values()) {
                if (persons >= size.from) {
                    found = size;
                }
            }
            return found;
        }

    }

    /** A published line: the peers' figures of one indicator. */
    public record Line(String code, SizeClass peerGroup, int peers, @Nullable BigDecimal q1,
            @Nullable BigDecimal median, @Nullable BigDecimal q3) {
    }

    /** What a peer contributes: its size and its figures as it may show them. */
    record Participant(UUID municipality, SizeClass size, int minPeers, Map<String, BigDecimal> values) {
    }

    private final Municipalities municipalities;

    private final IndicatorEngine engine;

    private final MonitoringSettings settings;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final TransactionTemplate transaction;

    private final String count;

    Benchmark(Municipalities municipalities, IndicatorEngine engine, MonitoringSettings settings, JdbcClient jdbc,
            Clock clock, PlatformTransactionManager transactions, ResidentSets residents) {
        this.municipalities = municipalities;
        this.engine = engine;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.count = "select count(*) from (" + residents.current() + ") r";
    }

    /**
     * Publishes the benchmark of the period for every opted-in municipality; answers how
     * many municipalities took part.
     */
    public int publish(MonitoringPeriod period) {
        List<Participant> participants = new ArrayList<>();
        for (Municipality municipality : municipalities.all()) {
            Participant participant = Tenancy.runAs(municipality.id(),
                    () -> transaction.execute(status -> participant(period)));
            if (participant != null) {
                participants.add(participant);
            }
        }
        Instant now = clock.instant();
        for (Participant participant : participants) {
            List<Participant> peers = participants.stream()
                .filter(p -> p.size() == participant.size() && !p.municipality().equals(participant.municipality()))
                .toList();
            List<Line> lines = new ArrayList<>();
            for (Indicator indicator : engine.indicators()) {
                List<BigDecimal> values = new ArrayList<>();
                for (Participant peer : peers) {
                    BigDecimal value = peer.values().get(indicator.code());
                    if (value != null) {
                        values.add(value);
                    }
                }
                lines.add(line(indicator.code(), participant.size(), values, participant.minPeers()));
            }
            Tenancy.runAs(participant.municipality(), () -> transaction.executeWithoutResult(status -> {
                jdbc.sql("delete from benchmark_figure where municipality_id = :m and period = :p")
                    .param("m", participant.municipality())
                    .param("p", period.toString())
                    .update();
                for (Line line : lines) {
                    jdbc.sql("""
                            insert into benchmark_figure (municipality_id, period, code, peer_group, peers, q1, median,
                                q3, published_at)
                            values (:m, :p, :code, :group, :peers, :q1, :median, :q3, :at)""")
                        .param("m", participant.municipality())
                        .param("p", period.toString())
                        .param("code", line.code())
                        .param("group", line.peerGroup().name())
                        .param("peers", line.peers())
                        .param("q1", line.q1())
                        .param("median", line.median())
                        .param("q3", line.q3())
                        .param("at", java.sql.Timestamp.from(now))
                        .update();
                }
            }));
        }
        return participants.size();
    }

    private @Nullable Participant participant(MonitoringPeriod period) {
        MonitoringSettings.Settings own = settings.current();
        if (!own.benchmarkOptIn()) {
            return null;
        }
        long persons = jdbc.sql(count)
            .param("municipality", Tenancy.require())
            .param("person", null)
            .query(Long.class)
            .single();
        Map<String, BigDecimal> values = new HashMap<>();
        for (Figure figure : Suppression.apply(engine.compute(period, null), own.threshold())) {
            if (!figure.suppressed() && figure.value() != null) {
                values.put(figure.code(), figure.value());
            }
        }
        return new Participant(Tenancy.require(), SizeClass.of(persons), own.benchmarkMinPeers(), values);
    }

    /**
     * The peers' figures of one indicator: nothing below the minimum of peers, each
     * figure the mean of the minimum number of neighbouring values around its rank.
     */
    static Line line(String code, SizeClass group, List<BigDecimal> values, int minPeers) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        int k = Math.max(MonitoringSettings.LEAST_MIN_PEERS, minPeers);
        if (n < k) {
            return new Line(code, group, n, null, null, null);
        }
        BigDecimal median = window(sorted, 0.5, k);
        boolean quartiles = n >= 2 * k;
        return new Line(code, group, n, quartiles ? window(sorted, 0.25, k) : null, median,
                quartiles ? window(sorted, 0.75, k) : null);
    }

    private static BigDecimal window(List<BigDecimal> sorted, double quantile, int k) {
        int n = sorted.size();
        double rank = quantile * (n - 1);
        int start = (int) Math.round(rank - (k - 1) / 2.0);
        start = Math.max(0, Math.min(n - k, start));
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = start; i < start + k; i++) {
            sum = sum.add(sorted.get(i));
        }
        return sum.divide(BigDecimal.valueOf(k), 1, RoundingMode.HALF_UP);
    }

    /** The published lines of the current municipality for the period, by code. */
    @Transactional(readOnly = true)
    public Map<String, Line> published(MonitoringPeriod period) {
        Map<String, Line> lines = new LinkedHashMap<>();
        jdbc.sql("""
                select code, peer_group, peers, q1, median, q3 from benchmark_figure
                where municipality_id = :m and period = :p order by code""")
            .param("m", Tenancy.require())
            .param("p", period.toString())
            .query((rs, n) -> new Line(rs.getString(1), SizeClass.valueOf(rs.getString(2)), rs.getInt(3),
                    rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
            .list()
            .forEach(line -> lines.put(line.code(), line));
        return lines;
    }

    /** The size class of the current municipality now. */
    @Transactional(readOnly = true)
    public SizeClass sizeClass() {
        return SizeClass.of(jdbc.sql(count)
            .param("municipality", Tenancy.require())
            .param("person", null)
            .query(Long.class)
            .single());
    }

    /**
     * The nightly publication, one instance of a cluster at a time (db-scheduler): the
     * last complete half-year and the one before it.
     */
    @Configuration(proxyBeanMethods = false)
    static class Nightly {

        @Bean
        Task<Void> monitoringBenchmarkNightly(Benchmark benchmark, Clock clock,
                @Value("${meedoen.monitoring.benchmark-time:03:30}") LocalTime at) {
            return Tasks.recurring(TASK, Schedules.daily(Time.ZONE, at)).execute((instance, context) -> {
                MonitoringPeriod last = MonitoringPeriod.lastCompleteHalfYear(LocalDate.now(clock));
                benchmark.publish(last);
                benchmark.publish(last.previous());
            });
        }

    }

}
