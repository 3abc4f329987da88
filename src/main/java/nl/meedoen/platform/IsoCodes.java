package nl.meedoen.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Country (ISO 3166-1 alpha-2) and language (ISO 639-1, 639-2 or 639-3) codes as Meedoen
 * accepts them.
 */
public final class IsoCodes {

    /** {@code XX}: stateless or unknown, as used on Dutch residence documents. */
    public static final String UNKNOWN_COUNTRY = "XX";

    private static final Set<String> COUNTRIES = Stream
        .concat(Arrays.stream(Locale.getISOCountries()), Stream.of(UNKNOWN_COUNTRY))
        .collect(Collectors.toUnmodifiableSet());

    /**
     * Two-letter codes, their three-letter equivalents, and three-letter codes of
     * languages often spoken by newcomers that have no two-letter code (Dari, Tigre,
     * Kurdish variants, Arabic variants, Bilen, Oromo...).
     */
    private static final Set<String> LANGUAGES = Stream
        .of(Arrays.stream(Locale.getISOLanguages()),
                Arrays.stream(Locale.getISOLanguages()).map(code -> new Locale(code).getISO3Language()),
                Stream.of("prs", "tig", "ckb", "kmr", "sdh", "apc", "arz", "ary", "acm", "ajp", "byn", "gaz", "haz",
                        "bal", "aii", "zgh", "ber", "syc", "lki", "glk", "mzn", "bhn", "jpr", "rmy", "rom"))
        .flatMap(s -> s)
        .filter(code -> !code.isEmpty())
        .collect(Collectors.toUnmodifiableSet());

    private IsoCodes() {
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    public static boolean isLanguage(String code) {
        return code != null && LANGUAGES.contains(code);
    }

    /** The country's name in the given language, or the code itself when unknown. */
    public static String countryName(String code, Locale in) {
        if (UNKNOWN_COUNTRY.equals(code)) {
            return in.getLanguage().equals("en") ? "Stateless / unknown" : "Staatloos / onbekend";
        }
        String name = new Locale("", code).getDisplayCountry(in);
        return name.isEmpty() ? code : name;
    }

    /** The language's name in the given language, or the code itself when unknown. */
    public static String languageName(String code, Locale in) {
        String name = new Locale(code).getDisplayLanguage(in);
        return name.isEmpty() || name.equals(code) ? code : name;
    }

}
