package nl.meedoen.trajectories.web;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.VersionRequiredException;
import org.jspecify.annotations.Nullable;

/**
 * ETags over record versions, and enum values read from requests with a field error for
 * unknown ones.
 */
final class Versions {

    private Versions() {
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} names. A record that does not exist yet
     * ({@code current} 0) may be created without one; changing an existing record needs
     * it.
     */
    static int expected(@Nullable String ifMatch, int current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (current == 0) {
                return 0;
            }
            throw new VersionRequiredException();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Integer.parseInt(tag.replace("\"", ""));
        }
        catch (NumberFormatException ex) {
            throw new StaleVersionException();
        }
    }

    static <E extends Enum<E>> @Nullable E optionalEnum(Class<E> type, @Nullable String value, String field,
            String messageKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException(field, messageKey);
        }
    }

}
