package nl.meedoen.residents.internal;

import java.util.List;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.residents.Elfproef;

/** The validators behind the person constraints. */
final class PersonRules {

    private PersonRules() {
    }

    static final class BsnValidator implements ConstraintValidator<ValidBsn, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Elfproef.holds(value);
        }

    }

    static final class CountryValidator implements ConstraintValidator<IsoCountry, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || IsoCodes.isCountry(value);
        }

    }

    static final class LanguagesValidator implements ConstraintValidator<IsoLanguages, List<String>> {

        @Override
        public boolean isValid(List<String> values, ConstraintValidatorContext context) {
            return values == null || values.stream().allMatch(IsoCodes::isLanguage);
        }

    }

    static final class IdentifiedValidator implements ConstraintValidator<PersonData.Identified, PersonData> {

        @Override
        public boolean isValid(PersonData person, ConstraintValidatorContext context) {
            if (person == null || person.bsn() != null || person.vNumber() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("bsn")
                .addConstraintViolation();
            return false;
        }

    }

    static final class ArrivalValidator
            implements ConstraintValidator<PersonData.ArrivesBeforeRegistration, PersonData> {

        @Override
        public boolean isValid(PersonData person, ConstraintValidatorContext context) {
            if (person == null || person.arrivalDate() == null || person.registrationDate() == null
                    || !person.registrationDate().isBefore(person.arrivalDate())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("registrationDate")
                .addConstraintViolation();
            return false;
        }

    }

}
