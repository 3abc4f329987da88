package nl.meedoen.plans.web;

import java.math.BigDecimal;

import nl.meedoen.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Numbers on the plan's forms: as a Dutch reader types them (a decimal comma) or a
 * machine does (a point).
 */
final class Decimals {

    private Decimals() {
    }

    static @Nullable BigDecimal parse(@Nullable String value, String field, String messageKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        }
        catch (NumberFormatException ex) {
            throw new InvalidInputException(field, messageKey);
        }
    }

    static @Nullable String dutch(@Nullable BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

}
