package nl.meedoen.audit.internal;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import nl.meedoen.platform.metrics.DatabaseGauges;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The operator's gauge of the processing log ({@code meedoen_audit_entries}): the entries
 * of every municipality's log, one figure and nothing of an entry.
 */
@Component
class AuditMetrics {

    AuditMetrics(MeterRegistry meters, JdbcClient jdbc,
            @Value("${meedoen.metrics.count-interval:60s}") Duration interval) {
        DatabaseGauges.register(meters, "meedoen.audit.entries",
                "Entries in the processing log of every municipality (counted at most once per interval)", interval,
                () -> jdbc.sql("select audit_entry_count()").query(Long.class).single());
    }

}
