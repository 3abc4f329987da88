package nl.meedoen.residents;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names as the search sees them: lower case, accents removed, split into words.
 * "Al-Hassan" gives "al", "hassan" and "alhassan", so each of them finds the person by
 * prefix. Part of the module's API so that everything that writes persons, bulk loads
 * included, stores the tokens and sort names the search expects.
 */
public final class NameTokens {

    private NameTokens() {
    }

    public static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT)
            .replace("ß", "ss")
            .replace("ı", "i")
            .replace("ø", "o")
            .replace("æ", "ae")
            .replace("ł", "l")
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip();
    }

    /** The words of a text, normalised; the query side of the search. */
    public static List<String> words(String text) {
        String normalised = normalise(text);
        return normalised.isEmpty() ? List.of() : List.of(normalised.split(" "));
    }

    /**
     * The tokens stored for a person: every word of each name, and each multi-word name
     * joined up.
     */
    public static Set<String> of(String... names) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String name : names) {
            List<String> words = words(name);
            tokens.addAll(words);
            if (words.size() > 1) {
                tokens.add(String.join("", words));
            }
        }
        return tokens;
    }

    /** The normalised "family given" name by which lists are ordered. */
    public static String sortName(String familyName, String givenNames) {
        List<String> parts = new ArrayList<>(words(familyName));
        parts.addAll(words(givenNames));
        return String.join(" ", parts);
    }

}
