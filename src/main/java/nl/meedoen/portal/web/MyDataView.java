package nl.meedoen.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import nl.meedoen.audit.OwnData;
import nl.meedoen.platform.Time;

/**
 * "What Meedoen holds about me" for the page: the resident's own copy of the
 * subject-access export, each part with the records it holds (parts without any are named
 * together at the end), each record as "what: value". Values stay as stored; dates and
 * moments are written as the resident's language writes them, yes and no in words.
 * Internal keys (the {@code id} columns) are left out of the page: they mean nothing to a
 * reader and stay in the download.
 */
record MyDataView(List<Part> parts, List<String> empty) {

    record Line(String label, String value) {
    }

    record Part(String key, String title, List<List<Line>> records) {
    }

    static MyDataView of(OwnData.Copy copy, Locale locale) {
        List<Part> parts = copy.sections()
            .stream()
            .filter(s -> !s.items().isEmpty())
            .map(s -> new Part(s.key(), s.title(), s.items().stream().map(item -> lines(item, locale)).toList()))
            .toList();
        List<String> empty = copy.sections().stream().filter(s -> s.items().isEmpty()).map(s -> s.title()).toList();
        return new MyDataView(parts, empty);
    }

    private static List<Line> lines(OwnData.Item item, Locale locale) {
        return item.fields()
            .stream()
            .filter(f -> !f.column().equals("id") && !f.column().endsWith("_id"))
            .map(f -> new Line(f.label(), value(f.value(), locale)))
            .toList();
    }

    static String value(Object value, Locale locale) {
        if (value instanceof Boolean yes) {
            return PortalLanguage.text(locale, yes ? "portal.data.yes" : "portal.data.no");
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(v -> value(v, locale)).toList());
        }
        String text = String.valueOf(value);
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return PortalLanguage.date(locale, LocalDate.parse(text));
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
                return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                    .withLocale(locale)
                    .withZone(Time.ZONE)
                    .format(Instant.parse(text));
            }
        }
        catch (java.time.DateTimeException ex) {
            return text;
        }
        return text;
    }

}
