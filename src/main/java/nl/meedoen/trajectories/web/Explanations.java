package nl.meedoen.trajectories.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.meedoen.trajectories.internal.Basis;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The sentence that explains a computed date, in the language of the request, and the
 * basis as the API shows it.
 */
@Component
class Explanations {

    /** The basis of one computed date in the API. */
    record BasisResource(String rule, LocalDate date, Map<String, LocalDate> inputs, @Nullable String ruleVersion,
            @Nullable LocalDate ruleEffectiveFrom, String source, String explanation) {
    }

    private final MessageSource messages;

    Explanations(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The sentence, e.g. "PIP uiterlijk 17-03-2025: 10 weken na inschrijving in de BRP op
     * 06-01-2025 (…)".
     */
    String text(Basis basis) {
        return messages.getMessage(basis.messageKey(), basis.arguments().toArray(), LocaleContextHolder.getLocale());
    }

    /** Each date's sentence by its field name, for a page. */
    Map<String, String> texts(Map<String, Basis> basis) {
        Map<String, String> texts = new LinkedHashMap<>();
        basis.forEach((field, b) -> texts.put(field, text(b)));
        return texts;
    }

    BasisResource resource(Basis basis) {
        return new BasisResource(basis.rule(), basis.date(), basis.inputs(), basis.ruleVersion(),
                basis.ruleEffectiveFrom(), basis.source(), text(basis));
    }

    Map<String, BasisResource> resources(Map<String, Basis> basis) {
        Map<String, BasisResource> resources = new LinkedHashMap<>();
        basis.forEach((field, b) -> resources.put(field, resource(b)));
        return resources;
    }

}
