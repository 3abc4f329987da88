package nl.meedoen.housing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import nl.meedoen.housing.QuotaPeriod;
import org.jspecify.annotations.Nullable;

/**
 * The quota periods of a municipality computed from what is stored: the official figures
 * and the key handover dates of the persons housed. A period's balance is official +
 * carried in − housed, and it is carried into the next period on record (a shortfall
 * positive, a surplus negative). Everything is computed on read, in period order, so a
 * corrected figure or placement in the past changes every later period by itself.
 */
public final class QuotaLedger {

    /** An official figure as published. */
    public record Figure(QuotaPeriod period, int official, String source) {
    }

    /**
     * One period: {@code official} is null while no figure is on record (it then counts
     * as 0).
     */
    public record Line(QuotaPeriod period, @Nullable Integer official, @Nullable String source, int housed,
            int carriedIn, int balance) {

        /**
         * The number this period asks for: its official figure plus what was carried in,
         * never below 0.
         */
        public int target() {
            return Math.max(0, (official == null ? 0 : official) + carriedIn);
        }
    }

    private final List<Line> lines;

    private QuotaLedger(List<Line> lines) {
        this.lines = lines;
    }

    /**
     * @param figures the official figures on record
     * @param housedOn the key handover date of every person who counts toward the quota
     */
    public static QuotaLedger of(Collection<Figure> figures, Collection<LocalDate> housedOn) {
        Map<QuotaPeriod, Figure> byPeriod = new TreeMap<>();
        figures.forEach(figure -> byPeriod.put(figure.period(), figure));
        Set<Integer> yearlyYears = new TreeSet<>();
        byPeriod.keySet().stream().filter(QuotaPeriod::yearly).forEach(period -> yearlyYears.add(period.year()));
        Map<QuotaPeriod, Integer> housed = new TreeMap<>();
        for (LocalDate day : housedOn) {
            housed.merge(periodOf(day, yearlyYears), 1, Integer::sum);
        }
        Set<QuotaPeriod> periods = new TreeSet<>(byPeriod.keySet());
        periods.addAll(housed.keySet());
        List<Line> lines = new ArrayList<>();
        int carried = 0;
        for (QuotaPeriod period : periods) {
            Figure figure = byPeriod.get(period);
            int count = housed.getOrDefault(period, 0);
            int balance = (figure == null ? 0 : figure.official()) + carried - count;
            lines.add(new Line(period, figure == null ? null : figure.official(),
                    figure == null ? null : figure.source(), count, carried, balance));
            carried = balance;
        }
        return new QuotaLedger(List.copyOf(lines));
    }

    /**
     * A key handover counts toward the year when that year is on record as a yearly
     * figure, else its half-year.
     */
    static QuotaPeriod periodOf(LocalDate day, Set<Integer> yearlyYears) {
        return yearlyYears.contains(day.getYear()) ? QuotaPeriod.yearOf(day) : QuotaPeriod.halfYearOf(day);
    }

    /** Every period on record (with a figure or a placement), in period order. */
    public List<Line> lines() {
        return lines;
    }

    /**
     * The periods on record from the start of {@code from} up to the end of {@code to}.
     */
    public List<Line> between(@Nullable QuotaPeriod from, @Nullable QuotaPeriod to) {
        return lines.stream()
            .filter(line -> from == null || !line.period().start().isBefore(from.start()))
            .filter(line -> to == null || !line.period().end().isAfter(to.end()))
            .toList();
    }

    /**
     * Any period: as on record, or else empty with the balance of the last period before
     * it carried in.
     */
    public Line line(QuotaPeriod period) {
        int carried = 0;
        for (Line line : lines) {
            if (line.period().equals(period)) {
                return line;
            }
            if (line.period().compareTo(period) < 0) {
                carried = line.balance();
            }
        }
        return new Line(period, null, null, 0, carried, carried);
    }

}
