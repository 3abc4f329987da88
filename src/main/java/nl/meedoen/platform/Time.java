package nl.meedoen.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of Meedoen. Every date rule asks the injected {@link Clock} for today,
 * never the JVM's own clock: days are Dutch days (Europe/Amsterdam) on every server,
 * whatever its time zone, and a test can set the clock to any date.
 */
@Configuration(proxyBeanMethods = false)
public class Time {

    /** Where Meedoen's days begin and end. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }

}
