package nl.meedoen.signals.internal;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import nl.meedoen.platform.metrics.DatabaseGauges;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The operator's gauge of open signals ({@code meedoen_signals_open}): the open and
 * acknowledged signals of the whole installation, one figure without municipality, rule
 * or person.
 */
@Component
class SignalMetrics {

    SignalMetrics(MeterRegistry meters, JdbcClient jdbc,
            @Value("${meedoen.metrics.count-interval:60s}") Duration interval) {
        DatabaseGauges.register(meters, "meedoen.signals.open",
                "Open and acknowledged signals of every municipality (counted at most once per interval)", interval,
                () -> jdbc.sql("select signals_open_count()").query(Long.class).single());
    }

}
