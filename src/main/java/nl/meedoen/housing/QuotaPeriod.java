package nl.meedoen.housing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.meedoen.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A quota period: a half-year {@code YYYY-H1} (January–June) or {@code YYYY-H2}
 * (July–December), or a whole year {@code YYYY} for the years known only as a yearly
 * figure. Periods order by their start, a year before its own halves.
 */
public record QuotaPeriod(int year, int half) implements Comparable<QuotaPeriod> {

    /** {@link #half} of a yearly period. */
    public static final int WHOLE_YEAR = 0;

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-H([12]))?");

    public QuotaPeriod {
        if (year < 1900 || year > 2999 || half < WHOLE_YEAR || half > 2) {
            throw new InvalidInputException("period", "housing.period.invalid");
        }
    }

    /**
     * Reads {@code 2024-H1}, {@code 2024-H2} or {@code 2016}; anything else is invalid
     * input (400).
     */
    public static QuotaPeriod parse(@Nullable String text) {
        return tryParse(text).orElseThrow(() -> new InvalidInputException("period", "housing.period.invalid"));
    }

    /** The period a text names, or none when it names no period. */
    public static Optional<QuotaPeriod> tryParse(@Nullable String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(1));
        return year < 1900 || year > 2999 ? Optional.empty() : Optional
            .of(new QuotaPeriod(year, matcher.group(2) == null ? WHOLE_YEAR : Integer.parseInt(matcher.group(2))));
    }

    /** The half-year that contains the day. */
    public static QuotaPeriod halfYearOf(LocalDate day) {
        return new QuotaPeriod(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
    }

    public static QuotaPeriod yearOf(LocalDate day) {
        return new QuotaPeriod(day.getYear(), WHOLE_YEAR);
    }

    public boolean yearly() {
        return half == WHOLE_YEAR;
    }

    public LocalDate start() {
        return LocalDate.of(year, half == 2 ? 7 : 1, 1);
    }

    public LocalDate end() {
        return LocalDate.of(year, half == 1 ? 6 : 12, half == 1 ? 30 : 31);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start()) && !day.isAfter(end());
    }

    @Override
    public int compareTo(QuotaPeriod other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(half, other.half);
    }

    @Override
    public String toString() {
        return yearly() ? Integer.toString(year) : year + "-H" + half;
    }
}
