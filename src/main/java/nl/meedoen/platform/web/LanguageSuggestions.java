package nl.meedoen.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.meedoen.platform.IsoCodes;

import org.springframework.stereotype.Component;

/**
 * The language and country names a list field suggests while the caseworker types, in the
 * page's language ({@code ${@languageSuggestions.names(#locale)}} in a template).
 */
@Component("languageSuggestions")
public class LanguageSuggestions {

    private final Map<String, List<String>> byLanguage = new ConcurrentHashMap<>();

    private final Map<String, List<String>> countriesByLanguage = new ConcurrentHashMap<>();

    /** A stored code's name in the page's language, or the code when it has none. */
    public String name(String code, Locale locale) {
        return IsoCodes.languageName(code, locale);
    }

    /** The country names a country list suggests, in the page's language. */
    public List<String> countries(Locale locale) {
        return countriesByLanguage.computeIfAbsent(locale.getLanguage(), language -> IsoCodes.countryNames(locale));
    }

    public List<String> names(Locale locale) {
        return byLanguage.computeIfAbsent(locale.getLanguage(), language -> IsoCodes.languageNames(locale));
    }

}
