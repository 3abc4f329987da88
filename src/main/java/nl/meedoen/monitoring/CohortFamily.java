package nl.meedoen.monitoring;

import java.util.List;

/**
 * Measures of the cohorts by year of housing, contributed as a bean by the module that
 * owns their facts (as {@link IndicatorFamily} does for the indicators).
 * <p>
 * {@link #query()} is one set-based {@code select} over the set {@code points}
 * ({@code person_id uuid, cohort int, months int, on_date date}: each person of the
 * population housed in a cohort year, once per number of months since housing that has
 * passed, with the day those months were reached) and the named parameter
 * {@code :municipality} (uuid). It yields rows {@code (measure text, cohort int,
 * months int, amount numeric)}: per measure, cohort and months the number of those
 * persons who met the measure's condition on {@code on_date}. The share's base (the
 * persons of the cohort who reached the months) is counted by the monitor; a measure,
 * cohort and months without a row count as 0.
 */
public interface CohortFamily {

    /** The measures the query yields, in the order shown: codes of capitals. */
    List<String> measures();

    String query();

    static CohortFamily of(String query, String... measures) {
        return new Declared(List.of(measures), query);
    }

    /** A family declared with {@link #of}. */
    record Declared(List<String> measures, String query) implements CohortFamily {
    }

}
