package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.meedoen.law.Rule;
import org.jspecify.annotations.Nullable;

/**
 * Why a computed date is that date: the rule (a code of the national rule set, or a local
 * setting), the input dates used, the rule set's version and the rule's source, and the
 * sentence that says it ({@code messageKey} with {@code arguments}, e.g. "PIP uiterlijk
 * 17-03-2025: 10 weken na inschrijving in de BRP op 06-01-2025 (Wet inburgering 2021)").
 */
public record Basis(String rule, LocalDate date, Map<String, LocalDate> inputs, @Nullable String ruleVersion,
        @Nullable LocalDate ruleEffectiveFrom, String source, String messageKey, List<Object> arguments) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** The source of a date that follows from a municipality's own setting. */
    public static final String LOCAL_SOURCE = "gemeentelijk beleid";

    public Basis {
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        arguments = List.copyOf(arguments);
    }

    /**
     * A date that follows from a national rule: the sentence's arguments are the date,
     * the rule's value, the input dates in order (as dd-MM-yyyy) and the source.
     */
    static Basis of(Rule rule, String ruleVersion, LocalDate date, Map<String, LocalDate> inputs, String messageKey) {
        return new Basis(rule.code().name(), date, inputs, ruleVersion, rule.effectiveFrom(), rule.source(), messageKey,
                arguments(date, rule.value(), inputs, rule.source()));
    }

    /** A date that follows from a local setting ({@code setting} its name in the API). */
    static Basis local(String setting, int value, LocalDate date, Map<String, LocalDate> inputs, String messageKey) {
        return new Basis(setting, date, inputs, null, null, LOCAL_SOURCE, messageKey,
                arguments(date, value, inputs, LOCAL_SOURCE));
    }

    private static List<Object> arguments(LocalDate date, int value, Map<String, LocalDate> inputs, String source) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(DAY.format(date));
        arguments.add(value);
        inputs.values().forEach(input -> arguments.add(DAY.format(input)));
        arguments.add(source);
        return arguments;
    }

}
