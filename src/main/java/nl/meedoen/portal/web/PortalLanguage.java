package nl.meedoen.portal.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;

/**
 * The portal's seven languages, its own message bundle ({@code portal/messages*}) and how
 * a request chooses one: the resident's choice (cookie {@value #COOKIE}, set on
 * {@code /mijn/taal}), else the browser's {@code Accept-Language}, else plain Dutch.
 * Arabic and Dari are written right to left.
 */
final class PortalLanguage {

    static final String COOKIE = "meedoen-mijn-taal";

    /** The languages, in the order the language menu shows them. */
    static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH,
            Locale.forLanguageTag("ar"), Locale.forLanguageTag("ti"), Locale.forLanguageTag("tr"),
            Locale.forLanguageTag("uk"), Locale.forLanguageTag("fa-AF"));

    static final Locale DUTCH = SUPPORTED.get(0);

    /** Each language's name in that language, for the language menu. */
    static final java.util.Map<String, String> AUTONYMS = java.util.Map.of("nl", "Nederlands", "en", "English", "ar",
            "العربية", "ti", "ትግርኛ", "tr", "Türkçe", "uk", "Українська", "fa-AF", "دری");

    static final MessageSource MESSAGES = messages();

    private PortalLanguage() {
    }

    private static MessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("portal/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(DUTCH);
        return source;
    }

    /** The supported language of a tag ({@code nl}, {@code fa-AF}), if it is one. */
    static Optional<Locale> of(@Nullable String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return SUPPORTED.stream().filter(l -> l.toLanguageTag().equalsIgnoreCase(tag.strip())).findFirst();
    }

    /** The language of the request. */
    static Locale of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    Optional<Locale> chosen = of(cookie.getValue());
                    if (chosen.isPresent()) {
                        return chosen.get();
                    }
                }
            }
        }
        return fromHeader(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Locale fromHeader(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DUTCH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0 || range.getRange().startsWith("*")) {
                    continue;
                }
                Locale wanted = Locale.forLanguageTag(range.getRange());
                Optional<Locale> exact = of(wanted.toLanguageTag());
                if (exact.isPresent()) {
                    return exact.get();
                }
                Optional<Locale> sameLanguage = SUPPORTED.stream()
                    .filter(l -> l.getLanguage().equals(wanted.getLanguage()))
                    .findFirst();
                if (sameLanguage.isPresent()) {
                    return sameLanguage.get();
                }
            }
        }
        catch (IllegalArgumentException ex) {
            return DUTCH;
        }
        return DUTCH;
    }

    static boolean rightToLeft(Locale locale) {
        return locale.getLanguage().equals("ar") || locale.getLanguage().equals("fa");
    }

    static String text(Locale locale, String key, Object... arguments) {
        return MESSAGES.getMessage(key, arguments, locale);
    }

    /** A date as the language writes it: "12 maart 2026", "12 March 2026". */
    static String date(Locale locale, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

}
