package nl.meedoen.datagen;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;

/**
 * The progress line on the console: every {@code every} persons how many are written, the
 * percentage, the speed in persons and rows (all tables) per second, and the expected
 * time left.
 */
final class Progress {

    private final Logger log;

    private final long total;

    private final long every;

    private final long started = System.nanoTime();

    private long nextReport;

    Progress(Logger log, long total, long every) {
        this.log = log;
        this.total = total;
        this.every = every;
        this.nextReport = every;
    }

    void update(long persons, long rows) {
        if (persons < nextReport && persons < total) {
            return;
        }
        while (nextReport <= persons) {
            nextReport += every;
        }
        double seconds = Math.max(elapsed().toMillis() / 1000.0, 0.001);
        double personsPerSecond = persons / seconds;
        long left = personsPerSecond > 0 ? (long) ((total - persons) / personsPerSecond) : 0;
        log.info(String.format(Locale.ROOT,
                "%,d / %,d persons (%d%%), %,d rows, %,.0f persons/s, %,.0f rows/s, " + "%s left", persons, total,
                persons * 100 / total, rows, personsPerSecond, rows / seconds, clock(Duration.ofSeconds(left))));
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static String clock(Duration duration) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(),
                duration.toSecondsPart());
    }

}
