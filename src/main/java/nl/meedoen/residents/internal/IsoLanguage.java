package nl.meedoen.residents.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** An ISO 639 language code. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PersonRules.LanguageValidator.class)
public @interface IsoLanguage {

    String message() default "{person.language.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
