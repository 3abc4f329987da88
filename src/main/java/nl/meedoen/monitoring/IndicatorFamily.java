package nl.meedoen.monitoring;

import java.util.List;

/**
 * A family of indicators of the policy monitor, contributed as a bean by the module that
 * owns their facts: its query reads that module's own tables, so no other module needs to
 * know them.
 * <p>
 * {@link #query()} is one set-based {@code select} that computes every indicator of the
 * family for every asked period at once, yielding rows with the columns
 * <ul>
 * <li>{@code code text} — the indicator's code, one of {@link #indicators()};</li>
 * <li>{@code period text} — the period, as in {@code periods};</li>
 * <li>{@code amount numeric} — for a {@link Indicator.Measure#COUNT count} the number of
 * persons (or events); for a {@link Indicator.Measure#SHARE share} the number of persons
 * that meet the condition; for an {@link Indicator.Measure#AVERAGE average} or
 * {@link Indicator.Measure#MEDIAN median} the value itself; for a
 * {@link Indicator.Measure#TOTAL total} the sum; for a {@link Indicator.Measure#FIGURE
 * public figure} the figure;</li>
 * <li>{@code persons bigint} — the number of persons the figure rests on: for a count the
 * count again, for a share its denominator, for the others the persons averaged or
 * summed.</li>
 * </ul>
 * An indicator and period without a row counts as amount 0 over 0 persons, so a query may
 * simply join and group. It reads the named parameter {@code :municipality} (uuid) and
 * two sets: {@code periods} ({@code period text, from_date date, until_date date}, the
 * first day of each period and the day after its last) and {@code population}
 * ({@code person_id uuid}): the persons the figures are about (the open files of the
 * municipality, or of the team lead's team). Every query restricts its persons to
 * {@code population}.
 */
public interface IndicatorFamily {

    /** The indicators the query yields, in the order shown within their area. */
    List<Indicator> indicators();

    String query();

    static IndicatorFamily of(String query, Indicator... indicators) {
        return new Declared(List.of(indicators), query);
    }

    /** A family declared with {@link #of}. */
    record Declared(List<Indicator> indicators, String query) implements IndicatorFamily {
    }

}
