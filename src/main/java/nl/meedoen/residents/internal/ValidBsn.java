package nl.meedoen.residents.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** Nine digits passing the eleven test (an empty value is left to other rules). */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PersonRules.BsnValidator.class)
public @interface ValidBsn {

    String message() default "{person.bsn.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
