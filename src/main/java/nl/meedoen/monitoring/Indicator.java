package nl.meedoen.monitoring;

import org.jspecify.annotations.Nullable;

/**
 * One indicator of the policy monitor, contributed as a bean by the module that owns its
 * facts: its query reads that module's own tables, so no other module needs to know them.
 * <p>
 * {@link #query()} is one set-based {@code select} that yields exactly one row with the
 * columns
 * <ul>
 * <li>{@code amount numeric} — for a {@link Measure#COUNT count} the number of persons
 * (or events); for a {@link Measure#SHARE share} the number of persons that meet the
 * condition; for an {@link Measure#AVERAGE average} or {@link Measure#MEDIAN median} the
 * value itself; for a {@link Measure#TOTAL total} the sum; for a {@link Measure#FIGURE
 * public figure} the figure;</li>
 * <li>{@code persons bigint} — the number of persons the figure rests on: for a count the
 * count again, for a share its denominator, for the others the persons averaged or
 * summed.</li>
 * </ul>
 * It reads the named parameters {@code :municipality} (uuid), {@code :from} (date, the
 * first day of the period) and {@code :until} (date, the day after its last), and the set
 * {@code population} ({@code person_id uuid}): the persons the figure is about (the open
 * files of the municipality, or of the team lead's team). Every query restricts its
 * persons to {@code population}. Parameters need a cast where PostgreSQL cannot infer the
 * type ({@code cast(:from as date)}).
 */
public interface Indicator {

    /**
     * The code, also the message key's tail: {@code monitoring.indicator.<code>} and
     * {@code monitoring.indicator.<code>.definition}.
     */
    String code();

    Area area();

    Measure measure();

    /**
     * The cells that together add up to one total (persons per learning route, referrals
     * per outcome): a suppressed cell of a group makes another one suppressed too, so it
     * cannot be recomputed from the total. Null for an indicator of its own.
     */
    @Nullable String group();

    String query();

    /** The spearhead or policy area an indicator belongs to, in the order shown. */
    enum Area {

        HOUSING, TRAJECTORIES, SPEARHEADS, PROVISIONS, WORK_AND_INCOME, SIGNALS

    }

    /**
     * What kind of figure the query yields, which decides how it is shown and suppressed.
     */
    enum Measure {

        /** A number of persons or events. */
        COUNT,
        /** A percentage of persons. */
        SHARE,
        /** An average over persons (days, hours, contacts). */
        AVERAGE,
        /** A median over persons (days). */
        MEDIAN,
        /** A sum over persons (hours). */
        TOTAL,
        /**
         * A public figure that is not about persons (the official housing quota): never
         * suppressed.
         */
        FIGURE

    }

    /** An indicator as a value, for a module that declares its indicators as beans. */
    static Indicator of(String code, Area area, Measure measure, @Nullable String group, String query) {
        return new Declared(code, area, measure, group, query);
    }

    /** An indicator declared with {@link #of}. */
    record Declared(String code, Area area, Measure measure, @Nullable String group,
            String query) implements Indicator {
    }

}
