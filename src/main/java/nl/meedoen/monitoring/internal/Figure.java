package nl.meedoen.monitoring.internal;

import java.math.BigDecimal;

import nl.meedoen.monitoring.Indicator.Measure;
import org.jspecify.annotations.Nullable;

/**
 * One computed figure: the value to show (a count, a percentage, an average), the number
 * of persons it rests on, and whether it is suppressed (then there is no value).
 */
public record Figure(String code, Measure measure, @Nullable String group, @Nullable BigDecimal value, long persons,
        boolean suppressed) {

    /** The figure as it may be shown: without value when suppressed. */
    Figure suppress() {
        return new Figure(code, measure, group, null, persons, true);
    }

}
