package nl.meedoen.signals.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.meedoen.signals.internal.RuleBook;
import nl.meedoen.signals.internal.Worklist;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A signal in words: the rule's sentence with the facts and thresholds that made it fire
 * ("Geen hoger taalniveau sinds 12-03-2025; doel B1, nu A2 lezen, A1 spreken"), and the
 * address of the tab where the caseworker acts.
 */
@Component
class SignalExplanations {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    private final RuleBook book;

    SignalExplanations(MessageSource messages, RuleBook book) {
        this.messages = messages;
        this.book = book;
    }

    String explain(Worklist.Signal signal, Locale locale) {
        String template = messages.getMessage("signals.rule." + signal.rule() + ".explanation", null,
                signal.rule().name(), locale);
        JsonNode facts = JSON.readTree(signal.facts());
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(text, Matcher.quoteReplacement(words(facts.path(matcher.group(1)), locale)));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    String href(Worklist.Signal signal) {
        if (signal.outreachReportId() != null) {
            return "/signalen/meldingen/" + signal.outreachReportId();
        }
        String tab = book.rule(signal.rule()).map(r -> r.tab()).orElse("/personen/{person}");
        return tab.replace("{person}", String.valueOf(signal.personId()));
    }

    private String words(JsonNode value, Locale locale) {
        if (value.isMissingNode() || value.isNull()) {
            return messages.getMessage("signals.value.none", null, "—", locale);
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(item -> parts.add(words(item, locale)));
            return String.join(", ", parts);
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                parts.add(entry.getValue().asString() + " " + term(entry.getKey(), locale));
            }
            return parts.isEmpty() ? messages.getMessage("signals.value.noLevels", null, "—", locale)
                    : String.join(", ", parts);
        }
        if (value.isBoolean()) {
            return term(value.asBoolean() ? "YES" : "NO", locale);
        }
        String text = value.asString();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(text).format(DAY);
        }
        return value.isNumber() ? text : term(text, locale);
    }

    private String term(String code, Locale locale) {
        return messages.getMessage("signals.value." + code, null, code, locale);
    }

}
