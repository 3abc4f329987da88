package nl.meedoen.law;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import nl.meedoen.law.internal.RuleVersions;

import org.springframework.stereotype.Service;

/**
 * The national rule set: the version in force on a date, and the history of versions. A
 * computation asks for the version in force on the date it counts from (the later of
 * DUO's notice and the BRP registration for the PIP, the first PIP's date for the
 * integration period, the start of social assistance for ontzorgen).
 */
@Service
public class NationalRules {

    private static final List<RuleSet> VERSIONS = RuleVersions.all();

    /** The first day a rule set is known for. */
    public static LocalDate firstEffectiveDate() {
        return VERSIONS.get(0).effectiveFrom();
    }

    /**
     * The version in force on {@code date}: the last one that took effect on or before
     * it. Before the first version there was no rule this product computes with.
     */
    public RuleSet inForceOn(LocalDate date) {
        RuleSet found = null;
        for (RuleSet set : VERSIONS) {
            if (!set.effectiveFrom().isAfter(date)) {
                found = set;
            }
        }
        if (found == null) {
            throw new RuleNotInForceException(date);
        }
        return found;
    }

    /** The rule in force on {@code date}. */
    public Rule rule(RuleCode code, LocalDate date) {
        return inForceOn(date).rule(code);
    }

    /** Every version, newest first. */
    public List<RuleSet> history() {
        List<RuleSet> newestFirst = new ArrayList<>(VERSIONS);
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

}
