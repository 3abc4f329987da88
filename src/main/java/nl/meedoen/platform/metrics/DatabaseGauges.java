package nl.meedoen.platform.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gauge whose value is a count of the whole installation that the database answers
 * (open signals, entries in the processing log). A scrape reads the figure of the last
 * question; the database is asked again only when that is older than the interval, so
 * scraping every few seconds costs one count per interval and instance. When the database
 * does not answer the gauge shows no value (NaN) rather than an old one.
 */
public final class DatabaseGauges {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);

    private DatabaseGauges() {
    }

    /**
     * Registers the gauge {@code name} (Prometheus: dots become underscores) with the
     * count that {@code count} asks the database for.
     */
    public static void register(MeterRegistry meters, String name, String description, Duration interval,
            LongSupplier count) {
        Gauge.builder(name, new Cached(interval, count), Cached::value)
            .description(description)
            .strongReference(true)
            .register(meters);
    }

    private static final class Cached {

        private final long intervalNanos;

        private final LongSupplier count;

        private long askedAt;

        private double value = Double.NaN;

        private boolean asked;

        Cached(Duration interval, LongSupplier count) {
            this.intervalNanos = interval.toNanos();
            this.count = count;
        }

        synchronized double value() {
            long now = System.nanoTime();
            if (!asked || now - askedAt >= intervalNanos) {
                asked = true;
                askedAt = now;
                try {
                    value = count.getAsLong();
                }
                catch (RuntimeException ex) {
                    log.warn("A metric's count could not be read: {}", ex.getMessage());
                    value = Double.NaN;
                }
            }
            return value;
        }

    }

}
