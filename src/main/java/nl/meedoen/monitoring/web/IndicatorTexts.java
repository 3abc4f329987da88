package nl.meedoen.monitoring.web;

import java.util.Locale;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.internal.Figure;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of an indicator (label, definition) in the reader's language, and a figure as
 * text: "&lt; 5" for a suppressed count, "x" for a count suppressed so that another
 * cannot be recomputed, "—" for a share or average not given, a percentage with "%".
 */
@Component
class IndicatorTexts {

    private final MessageSource messages;

    IndicatorTexts(MessageSource messages) {
        this.messages = messages;
    }

    String label(Indicator indicator, Locale locale) {
        return messages.getMessage("monitoring.indicator." + indicator.code(), null, indicator.code(), locale);
    }

    String definition(Indicator indicator, Locale locale) {
        return messages.getMessage("monitoring.indicator." + indicator.code() + ".definition", null, "", locale);
    }

    String area(Indicator.Area area, Locale locale) {
        return messages.getMessage("monitoring.area." + area.name(), null, area.name(), locale);
    }

    static String shown(Figure figure, int threshold) {
        if (figure.suppressed() || figure.value() == null) {
            if (figure.measure() == Indicator.Measure.COUNT) {
                return figure.persons() < threshold ? "< " + threshold : "x";
            }
            return "—";
        }
        String value = figure.value().toPlainString();
        return figure.measure() == Indicator.Measure.SHARE ? value + "%" : value;
    }

}
