package nl.meedoen.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import nl.meedoen.platform.Time;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in integration tests: the real time in Europe/Amsterdam, until
 * a test sets a day with {@link #fixedAt}, for as long as the returned handle is open.
 *
 * <pre>
 * try (var day = clock.fixedAt(LocalDate.of(2024, 2, 29))) {
 *     // every date rule now sees 29 February 2024
 * }
 * </pre>
 */
public final class TestClock extends Clock {

    private volatile Clock current = Clock.system(Time.ZONE);

    /** Sets today (at noon, Amsterdam time) until the handle is closed. */
    public Fixed fixedAt(LocalDate today) {
        current = Clock.fixed(today.atTime(LocalTime.NOON).atZone(Time.ZONE).toInstant(), Time.ZONE);
        return () -> current = Clock.system(Time.ZONE);
    }

    @Override
    public ZoneId getZone() {
        return current.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.instant();
    }

    /** An open fixed day; closing it returns to the real time. */
    public interface Fixed extends AutoCloseable {

        @Override
        void close();

    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Wiring {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

    }

}
