package nl.meedoen.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.meedoen.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A period of the monitor: a half-year {@code YYYY-H1} (January–June) or {@code YYYY-H2}
 * (July–December), or a whole year {@code YYYY}. Read strictly: anything else
 * ({@code 2025-H3}, {@code 2025-h1}, a space) is invalid input (400).
 */
public record MonitoringPeriod(int year, int half) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-H([12]))?");

    public MonitoringPeriod {
        if (year < 1900 || year > 2100 || half < 0 || half > 2) {
            throw invalid();
        }
    }

    public static MonitoringPeriod parse(@Nullable String text) {
        return tryParse(text).orElseThrow(MonitoringPeriod::invalid);
    }

    /** The period a text names, or none when it names no period. */
    public static Optional<MonitoringPeriod> tryParse(@Nullable String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(1));
        return year < 1900 || year > 2100 ? Optional.empty() : Optional
            .of(new MonitoringPeriod(year, matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2))));
    }

    /** The half-year before the one that contains the day: the last one complete. */
    public static MonitoringPeriod lastCompleteHalfYear(LocalDate today) {
        return today.getMonthValue() <= 6 ? new MonitoringPeriod(today.getYear() - 1, 2)
                : new MonitoringPeriod(today.getYear(), 1);
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("period", "monitoring.period.invalid");
    }

    public boolean yearly() {
        return half == 0;
    }

    public LocalDate from() {
        return LocalDate.of(year, half == 2 ? 7 : 1, 1);
    }

    /** The day after the period's last day. */
    public LocalDate until() {
        return half == 1 ? LocalDate.of(year, 7, 1) : LocalDate.of(year + 1, 1, 1);
    }

    /** The period of the same length just before this one. */
    public MonitoringPeriod previous() {
        if (yearly()) {
            return new MonitoringPeriod(year - 1, 0);
        }
        return half == 2 ? new MonitoringPeriod(year, 1) : new MonitoringPeriod(year - 1, 2);
    }

    /** This period and the ones of the same length before it, oldest first. */
    public List<MonitoringPeriod> trend(int count) {
        List<MonitoringPeriod> periods = new ArrayList<>();
        MonitoringPeriod period = this;
        for (int i = 0; i < count; i++) {
            periods.add(0, period);
            period = period.previous();
        }
        return periods;
    }

    @Override
    public String toString() {
        return yearly() ? Integer.toString(year) : year + "-H" + half;
    }

}
