package nl.meedoen.trajectories.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import nl.meedoen.law.NationalRules;
import nl.meedoen.law.Rule;
import nl.meedoen.law.RuleCode;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;

/**
 * An amount in euros at most the legal maximum of a municipal fine in force today; the
 * message names the maximum and its source, so the form can say the bound before the
 * domain refuses it.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WithinLegalFine.Validator.class)
@interface WithinLegalFine {

    String message() default "{trajectories.settings.noShowFineEuros.max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the amount against the rule set in force today. */
    class Validator implements ConstraintValidator<WithinLegalFine, Integer> {

        private final NationalRules law;

        private final Clock clock;

        Validator(NationalRules law, Clock clock) {
            this.law = law;
            this.clock = clock;
        }

        @Override
        public boolean isValid(@Nullable Integer euros, ConstraintValidatorContext context) {
            Rule maximum = law.rule(RuleCode.FINE_MAX_EUROS, LocalDate.now(clock));
            if (euros == null || euros <= maximum.value()) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class)
                .addMessageParameter("max", maximum.value())
                .addMessageParameter("source", maximum.source());
            return false;
        }

    }

}
