package nl.meedoen.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.Parser;
import org.springframework.format.Printer;

import nl.meedoen.platform.IsoCodes;

/** Reads and shows a {@link LanguageNames} field: names in, codes stored, names out. */
final class LanguageNamesFormatting implements AnnotationFormatterFactory<LanguageNames> {

    private static final Formatter<List<String>> FORMATTER = new Formatter<>() {

        @Override
        public List<String> parse(String text, Locale locale) {
            return IsoCodes.languageList(text);
        }

        @Override
        public String print(List<String> codes, Locale locale) {
            return codes.stream().map(code -> IsoCodes.languageName(code, locale)).collect(Collectors.joining(", "));
        }

    };

    @Override
    public Set<Class<?>> getFieldTypes() {
        return Set.of(List.class);
    }

    @Override
    public Printer<?> getPrinter(LanguageNames annotation, Class<?> fieldType) {
        return FORMATTER;
    }

    @Override
    public Parser<?> getParser(LanguageNames annotation, Class<?> fieldType) {
        return FORMATTER;
    }

}
