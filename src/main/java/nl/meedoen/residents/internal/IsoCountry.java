package nl.meedoen.residents.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** An ISO 3166-1 alpha-2 country code, or XX for stateless / unknown. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PersonRules.CountryValidator.class)
public @interface IsoCountry {

    String message() default "{person.country.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
