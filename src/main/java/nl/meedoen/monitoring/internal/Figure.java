package nl.meedoen.monitoring.internal;

import java.math.BigDecimal;

import nl.meedoen.monitoring.Indicator.Measure;
import org.jspecify.annotations.Nullable;

/**
 * One computed figure: the value to show (a count, a percentage, an average), the number
 * of persons it rests on, whether it is suppressed (then there is no value and no
 * numerator) and, for a share, the persons who meet its condition (its numerator; the
 * persons are its denominator).
 */
public record Figure(String code, Measure measure, @Nullable String group, @Nullable BigDecimal value, long persons,
        boolean suppressed, @Nullable BigDecimal numerator) {

    /** The figure as it may be shown: without value and numerator when suppressed. */
    Figure suppress() {
        return new Figure(code, measure, group, null, persons, true, null);
    }

}
