package nl.meedoen.signals.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalFact;
import nl.meedoen.signals.SignalRule;

import org.springframework.stereotype.Component;

/**
 * Every rule and every set of facts the modules contribute, by code and kind. A rule
 * contributed twice is a programming error and stops the start.
 */
@Component
public class RuleBook {

    private final Map<SignalCode, SignalRule> rules = new EnumMap<>(SignalCode.class);

    private final Map<SignalFact.Kind, List<SignalFact>> facts = new EnumMap<>(SignalFact.Kind.class);

    RuleBook(List<SignalRule> contributed, List<SignalFact> contributedFacts) {
        for (SignalRule rule : contributed) {
            if (rules.put(rule.code(), rule) != null) {
                throw new IllegalStateException("Rule contributed twice: " + rule.code());
            }
        }
        for (SignalFact fact : contributedFacts) {
            facts.computeIfAbsent(fact.kind(), kind -> new ArrayList<>()).add(fact);
        }
    }

    /** The rules in the order of their codes. */
    public List<SignalRule> all() {
        return rules.values().stream().sorted(Comparator.comparing(SignalRule::code)).toList();
    }

    public Optional<SignalRule> rule(SignalCode code) {
        return Optional.ofNullable(rules.get(code));
    }

    List<SignalFact> facts(SignalFact.Kind kind) {
        return facts.getOrDefault(kind, List.of());
    }

}
