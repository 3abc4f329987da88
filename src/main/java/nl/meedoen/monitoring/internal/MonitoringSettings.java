package nl.meedoen.monitoring.internal;

import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipality's monitoring settings: the small-count threshold (default 5) and
 * whether it takes part in the benchmark. A municipality without a row has the defaults.
 */
@Service
public class MonitoringSettings {

    public static final int DEFAULT_THRESHOLD = 5;

    public static final int MIN_THRESHOLD = 5;

    public static final int MAX_THRESHOLD = 50;

    public record Settings(int threshold, boolean benchmarkOptIn, int version) {
    }

    private final JdbcClient jdbc;

    MonitoringSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Settings current() {
        return jdbc
            .sql("select suppression_threshold, benchmark_opt_in, version from monitoring_setting "
                    + "where municipality_id = :municipality")
            .param("municipality", Tenancy.require())
            .query((rs, n) -> new Settings(rs.getInt(1), rs.getBoolean(2), rs.getInt(3)))
            .optional()
            .orElse(new Settings(DEFAULT_THRESHOLD, false, 0));
    }

    /**
     * Changes the threshold ({@value #MIN_THRESHOLD}–{@value #MAX_THRESHOLD}) and the
     * benchmark opt-in when the version read is still the current one (shared with the
     * reference table, which is kept in the same row); otherwise a conflict that speaks
     * of the settings.
     */
    @Transactional
    public int change(int threshold, boolean benchmarkOptIn, int expected) {
        if (threshold < MIN_THRESHOLD || threshold > MAX_THRESHOLD) {
            throw new InvalidInputException("threshold", "monitoring.settings.threshold.invalid");
        }
        int changed = jdbc.sql("""
                insert into monitoring_setting (municipality_id, suppression_threshold, benchmark_opt_in, version)
                values (:m, :threshold, :optIn, 1)
                on conflict (municipality_id) do update set suppression_threshold = excluded.suppression_threshold,
                    benchmark_opt_in = excluded.benchmark_opt_in, version = monitoring_setting.version + 1
                    where monitoring_setting.version = :expected""")
            .param("m", Tenancy.require())
            .param("threshold", threshold)
            .param("optIn", benchmarkOptIn)
            .param("expected", expected)
            .update();
        if (changed == 0 || current().version() != expected + 1) {
            throw new ConflictException("monitoring.settings.stale");
        }
        return expected + 1;
    }

}
