package nl.meedoen.platform;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Dutch and English names of the languages above that the JDK's locale data does not
     * name, so a caseworker can type "Dari" and read it back.
     */
    private static final Map<String, List<String>> NAMED_HERE = Map.ofEntries(Map.entry("prs", List.of("Dari", "Dari")),
            Map.entry("kmr", List.of("Kurmanji", "Kurmanji")),
            Map.entry("apc", List.of("Levantijns Arabisch", "Levantine Arabic")),
            Map.entry("acm", List.of("Iraaks Arabisch", "Iraqi Arabic")),
            Map.entry("ajp", List.of("Zuid-Levantijns Arabisch", "South Levantine Arabic")),
            Map.entry("gaz", List.of("West-Centraal Oromo", "West Central Oromo")),
            Map.entry("haz", List.of("Hazaragi", "Hazaragi")),
            Map.entry("aii", List.of("Assyrisch Neo-Aramees", "Assyrian Neo-Aramaic")),
            Map.entry("lki", List.of("Laki", "Laki")),
            Map.entry("bhn", List.of("Bohtan Neo-Aramees", "Bohtan Neo-Aramaic")),
            Map.entry("rmy", List.of("Vlax-Romani", "Vlax Romani")));

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    /**
     * Every accepted code by its folded Dutch or English name; a two-letter code wins
     * over its three-letter twin.
     */
    private static final Map<String, String> BY_NAME = byName();

    /** Every country code by its folded Dutch or English name. */
    private static final Map<String, String> COUNTRY_BY_NAME = countriesByName();

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
        List<String> ours = NAMED_HERE.get(code);
        if (ours != null) {
            return "en".equals(in.getLanguage()) ? ours.get(1) : ours.get(0);
        }
        String name = new Locale(code).getDisplayLanguage(in);
        return name.isEmpty() || name.equals(code) ? code : name;
    }

    /**
     * The code of a language typed as a code ({@code ar}) or by its Dutch or English name
     * ({@code Arabisch}, {@code arabic}), case and accents ignored; empty when it is
     * neither.
     */
    public static Optional<String> languageCode(String typed) {
        String text = typed.strip();
        String code = text.toLowerCase(Locale.ROOT);
        if (isLanguage(code)) {
            return Optional.of(code);
        }
        return Optional.ofNullable(BY_NAME.get(fold(text)));
    }

    /**
     * The codes of a typed list of language names or codes separated by commas or
     * semicolons, each once; a part that is neither is kept as typed, for the caller's
     * validation to name.
     */
    public static List<String> languageList(String text) {
        return Arrays.stream(text.split("[,;]"))
            .map(String::strip)
            .filter(part -> !part.isEmpty())
            .map(part -> languageCode(part).orElse(part))
            .distinct()
            .toList();
    }

    /**
     * The names of the languages people in Meedoen speak, in the given language, sorted:
     * the suggestions a form offers while a caseworker types.
     */
    public static List<String> languageNames(Locale in) {
        return LANGUAGES.stream()
            .map(code -> languageName(code, in))
            .filter(name -> !isLanguage(name))
            .distinct()
            .sorted(Comparator.comparing(IsoCodes::fold))
            .toList();
    }

    /**
     * The code of a country typed as a code ({@code SY}) or by its Dutch or English name
     * ({@code Syrië}, {@code syria}), case and accents ignored; empty when it is neither.
     */
    public static Optional<String> countryCode(String typed) {
        String code = typed.strip().toUpperCase(Locale.ROOT);
        if (isCountry(code)) {
            return Optional.of(code);
        }
        return Optional.ofNullable(COUNTRY_BY_NAME.get(fold(typed)));
    }

    /**
     * The names of the countries, in the given language, sorted: a form's suggestions.
     */
    public static List<String> countryNames(Locale in) {
        return COUNTRIES.stream()
            .map(code -> countryName(code, in))
            .distinct()
            .sorted(Comparator.comparing(IsoCodes::fold))
            .toList();
    }

    private static Map<String, String> countriesByName() {
        Map<String, String> byName = new HashMap<>();
        COUNTRIES.stream().sorted().forEach(code -> {
            for (Locale in : List.of(DUTCH, Locale.ENGLISH)) {
                byName.putIfAbsent(fold(countryName(code, in)), code);
            }
        });
        return Map.copyOf(byName);
    }

    private static Map<String, String> byName() {
        Map<String, String> byName = new HashMap<>();
        LANGUAGES.stream().sorted(Comparator.comparing(String::length).thenComparing(c -> c)).forEach(code -> {
            for (Locale in : List.of(DUTCH, Locale.ENGLISH)) {
                String name = languageName(code, in);
                if (!name.equals(code)) {
                    byName.putIfAbsent(fold(name), code);
                }
            }
        });
        return Map.copyOf(byName);
    }

    private static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", " ")
            .strip();
    }

}
