package nl.meedoen.law;

import java.time.LocalDate;

import nl.meedoen.platform.UnprocessableException;

/**
 * A date computed with a rule that was not in force yet on the date it counts from, or a
 * date before the first version of the rule set: 422 with a Dutch reason.
 */
public class RuleNotInForceException extends UnprocessableException {

    public RuleNotInForceException(RuleCode code, LocalDate on) {
        super("law.rule.notInForce");
    }

    public RuleNotInForceException(LocalDate on) {
        super("law.ruleSet.none");
    }

}
