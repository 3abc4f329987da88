package nl.meedoen.monitoring.internal;

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

}
