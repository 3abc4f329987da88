package nl.meedoen.portal.web;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The portal's texts in the resident's language, for the templates:
 * {@code ${t.get('portal.overview.title')}}, {@code ${t.date(item.date)}}.
 */
final class Texts {

    private final Locale locale;

    Texts(Locale locale) {
        this.locale = locale;
    }

    public String get(String key) {
        return PortalLanguage.text(locale, key);
    }

    public String get(String key, Object argument) {
        return PortalLanguage.text(locale, key, argument);
    }

    public String date(LocalDate date) {
        return PortalLanguage.date(locale, date);
    }

    public String tag() {
        return locale.toLanguageTag();
    }

    public String dir() {
        return PortalLanguage.rightToLeft(locale) ? "rtl" : "ltr";
    }

    public Locale locale() {
        return locale;
    }

}
