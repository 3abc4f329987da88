package nl.meedoen.monitoring;

import org.jspecify.annotations.Nullable;

/**
 * One indicator of the policy monitor: its code, area, measure and group. The module that
 * owns its facts contributes it within an {@link IndicatorFamily}, whose one query yields
 * the figures of all the family's indicators for all asked periods.
 *
 * @param code the code, also the message key's tail: {@code monitoring.indicator.<code>}
 * and {@code monitoring.indicator.<code>.definition}
 * @param group the cells that together add up to one total (persons per learning route,
 * referrals per outcome): a suppressed cell of a group makes another one suppressed too,
 * so it cannot be recomputed from the total. Null for an indicator of its own.
 */
public record Indicator(String code, Area area, Measure measure, @Nullable String group) {

    /** The spearhead or policy area an indicator belongs to, in the order shown. */
    public enum Area {

        HOUSING, TRAJECTORIES, SPEARHEADS, PROVISIONS, WORK_AND_INCOME, SIGNALS

    }

    /**
     * What kind of figure the query yields, which decides how it is shown and suppressed.
     */
    public enum Measure {

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

}
