package nl.meedoen.housing.web;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.meedoen.housing.internal.MatchFiles.MatchFile;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Why a match's deadlines are what they are: the rule, the dates it counts from and, in
 * words, the explanation a caseworker reads beside the date. Both deadlines are the
 * municipality's settings, not law.
 */
@Component
class MatchDeadlines {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** The explanation of one computed date. */
    record Basis(String rule, Map<String, String> inputs, String source, String explanation) {
    }

    private final MessageSource messages;

    MatchDeadlines(MessageSource messages) {
        this.messages = messages;
    }

    Basis housing(MatchFile match) {
        long weeks = java.time.temporal.ChronoUnit.WEEKS.between(match.matchDate(), match.housingDeadline());
        return new Basis("HOUSING_WEEKS_FROM_MATCH", Map.of("matchDate", match.matchDate().toString()), source(),
                text("housing.basis.housing", weeks, DATE.format(match.matchDate())));
    }

    Basis move(MatchFile match) {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (match.leaseStart() != null) {
            inputs.put("leaseStart", match.leaseStart().toString());
            return new Basis("MOVE_WEEKS_FROM_LEASE_START", inputs, source(),
                    text("housing.basis.moveFromLease", match.moveWeeks(), DATE.format(match.leaseStart())));
        }
        inputs.put("housingDeadline", match.housingDeadline().toString());
        return new Basis("MOVE_WEEKS_FROM_HOUSING_DEADLINE", inputs, source(),
                text("housing.basis.moveProvisional", match.moveWeeks(), DATE.format(match.housingDeadline())));
    }

    private String source() {
        return text("housing.basis.source");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

}
