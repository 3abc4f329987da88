package nl.meedoen.residents.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A list of ISO 639 language codes; the error names the list, so a form shows it next to
 * the field.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PersonRules.LanguagesValidator.class)
public @interface IsoLanguages {

    String message() default "{person.language.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
