package nl.meedoen.plans.internal;

import java.time.LocalDate;

import nl.meedoen.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The checks every form and request of the plan shares: texts stripped and within their
 * limit, dates of something that happened not in the future. A broken one names its
 * field, so a page shows it beside the field and the API answers 400 with it.
 */
final class Checks {

    private Checks() {
    }

    /** A text that must be there: stripped, not empty, at most {@code max} long. */
    static String required(@Nullable String value, String field, int max) {
        String text = optional(value, field, max);
        if (text == null) {
            throw new InvalidInputException(field, "plans." + field + ".required");
        }
        return text;
    }

    /** A text that may be left out: stripped, blank as none, at most {@code max} long. */
    static @Nullable String optional(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidInputException(field, "plans.field.tooLong");
        }
        return text;
    }

    /** The day something happened: today at the latest. */
    static void notAfter(LocalDate day, LocalDate today, String field) {
        if (day.isAfter(today)) {
            throw new InvalidInputException(field, "plans.date.future");
        }
    }

}
