package nl.meedoen.trajectories.internal;

import java.time.LocalDate;

import nl.meedoen.law.NationalRules;
import nl.meedoen.law.RuleCode;

import org.springframework.stereotype.Component;

/**
 * The national law a fine is decided under: the maximum in force on the decision date
 * (art. 23 Wi2021) and the objection period of the Awb (art. 6:7), both from the national
 * rule set in force on the decision date.
 */
@Component
class FineLaw {

    private final NationalRules rules;

    FineLaw(NationalRules rules) {
        this.rules = rules;
    }

    /** The highest fine allowed by the rule set in force on {@code decidedOn}. */
    int maximumEuros(LocalDate decidedOn) {
        return rules.rule(RuleCode.FINE_MAX_EUROS, decidedOn).value();
    }

    /** The last day to object to a decision of {@code decidedOn}. */
    LocalDate objectionDeadline(LocalDate decidedOn) {
        return decidedOn.plusWeeks(rules.rule(RuleCode.OBJECTION_WEEKS, decidedOn).value());
    }

}
