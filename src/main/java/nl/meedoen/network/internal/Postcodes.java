package nl.meedoen.network.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dutch postcodes: {@code 3361 AB}, or only the four digits of the area. */
final class Postcodes {

    private static final Pattern POSTCODE = Pattern.compile("([1-9][0-9]{3})\\s?([A-Z]{2})?");

    private Postcodes() {
    }

    /** The four digits, or 0 when the text is no postcode. */
    static int area(String postcode) {
        Matcher m = POSTCODE.matcher(postcode.strip().toUpperCase(Locale.ROOT));
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * {@code 3361AB} and {@code 3361 ab} become {@code 3361 AB}; a lone area stays four
     * digits.
     */
    static String normalise(String postcode) {
        Matcher m = POSTCODE.matcher(postcode.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return postcode.strip();
        }
        return m.group(2) == null ? m.group(1) : m.group(1) + " " + m.group(2);
    }

}
