package nl.meedoen.law;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The national rules in force from {@code effectiveFrom} until the next version: every
 * rule of the earlier versions, with the rules of this version ({@code changed}) added or
 * replacing theirs.
 */
public record RuleSet(String version, LocalDate effectiveFrom, String changeKey, List<Rule> items,
        Set<RuleCode> changed) {

    public RuleSet {
        items = List.copyOf(items);
        changed = Set.copyOf(changed);
    }

    /** The rule, if it is in force in this version. */
    public Optional<Rule> find(RuleCode code) {
        return items.stream().filter(r -> r.code() == code).findFirst();
    }

    /**
     * The rule; a computation that asks for a rule not yet in force on its date is
     * refused (422: "deze regel gold op die datum nog niet").
     */
    public Rule rule(RuleCode code) {
        return find(code).orElseThrow(() -> new RuleNotInForceException(code, effectiveFrom));
    }

    /** Every rule's value by its code's name, for pages ({@code ${legal.PLAN_WEEKS}}). */
    public Map<String, Integer> values() {
        Map<String, Integer> values = new LinkedHashMap<>();
        items.forEach(rule -> values.put(rule.code().name(), rule.value()));
        return values;
    }

    /** The rule's value. */
    public int value(RuleCode code) {
        return rule(code).value();
    }

}
