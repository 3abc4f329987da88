package nl.meedoen.monitoring.internal;

import java.util.ArrayList;
import java.util.List;

import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipality's monitoring settings: the small-count threshold (default 5), whether
 * it takes part in the benchmark, and the least number of other municipalities the
 * benchmark needs before it gives a figure (default 3). A municipality without a row has
 * the defaults.
 */
@Service
public class MonitoringSettings {

    public static final int DEFAULT_THRESHOLD = 5;

    public static final int MIN_THRESHOLD = 5;

    public static final int MAX_THRESHOLD = 50;

    /** The benchmark's least number of peers without a setting (the column's default). */
    public static final int DEFAULT_MIN_PEERS = 3;

    /**
     * Below three peers a "median" would be one peer's figure or lie between two; the
     * column's check allows no less.
     */
    public static final int LEAST_MIN_PEERS = 3;

    /** The column's check: more would leave nearly every size class without figures. */
    public static final int MOST_MIN_PEERS = 20;

    public record Settings(int threshold, boolean benchmarkOptIn, int benchmarkMinPeers, int version) {
    }

    private final JdbcClient jdbc;

    MonitoringSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Settings current() {
        return jdbc
            .sql("select suppression_threshold, benchmark_opt_in, benchmark_min_peers, version from monitoring_setting "
                    + "where municipality_id = :municipality")
            .param("municipality", Tenancy.require())
            .query((rs, n) -> new Settings(rs.getInt(1), rs.getBoolean(2), rs.getInt(3), rs.getInt(4)))
            .optional()
            .orElse(new Settings(DEFAULT_THRESHOLD, false, DEFAULT_MIN_PEERS, 0));
    }

    /**
     * Changes the threshold ({@value #MIN_THRESHOLD}–{@value #MAX_THRESHOLD}), the
     * benchmark opt-in and the benchmark's least number of peers
     * ({@value #LEAST_MIN_PEERS}–{@value #MOST_MIN_PEERS}) together, when the version
     * read is still the current one (shared with the reference table, which is kept in
     * the same row); otherwise a conflict that speaks of the settings.
     */
    @Transactional
    public int change(int threshold, boolean benchmarkOptIn, int benchmarkMinPeers, int expected) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (threshold < MIN_THRESHOLD || threshold > MAX_THRESHOLD) {
            errors.add(new InvalidInputException.FieldError("threshold", "monitoring.settings.threshold.invalid"));
        }
        if (benchmarkMinPeers < LEAST_MIN_PEERS || benchmarkMinPeers > MOST_MIN_PEERS) {
            errors.add(new InvalidInputException.FieldError("benchmarkMinPeers",
                    "monitoring.settings.benchmarkMinPeers.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int changed = jdbc.sql("""
                insert into monitoring_setting (municipality_id, suppression_threshold, benchmark_opt_in,
                    benchmark_min_peers, version)
                values (:m, :threshold, :optIn, :minPeers, 1)
                on conflict (municipality_id) do update set suppression_threshold = excluded.suppression_threshold,
                    benchmark_opt_in = excluded.benchmark_opt_in, benchmark_min_peers = excluded.benchmark_min_peers,
                    version = monitoring_setting.version + 1
                    where monitoring_setting.version = :expected""")
            .param("m", Tenancy.require())
            .param("threshold", threshold)
            .param("optIn", benchmarkOptIn)
            .param("minPeers", benchmarkMinPeers)
            .param("expected", expected)
            .update();
        if (changed == 0 || current().version() != expected + 1) {
            throw new ConflictException("monitoring.settings.stale");
        }
        return expected + 1;
    }

}
