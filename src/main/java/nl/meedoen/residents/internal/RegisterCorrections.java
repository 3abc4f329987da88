package nl.meedoen.residents.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.ResidentCorrections;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of one fact from a register, through the file's own service
 * ({@link PersonFiles#change}, which checks the version and logs the change) and its own
 * validation ({@link PersonData}).
 */
@Component
class RegisterCorrections implements ResidentCorrections {

    private final PersonFiles files;

    private final Persons persons;

    private final Validator validator;

    private final JdbcClient jdbc;

    RegisterCorrections(PersonFiles files, Persons persons, Validator validator, JdbcClient jdbc) {
        this.files = files;
        this.persons = persons;
        this.validator = validator;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Recorded> recorded(UUID personId) {
        return persons.find(Tenancy.require(), personId).map(RegisterCorrections::recorded);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Recorded> withBsn(String bsn) {
        UUID municipality = Tenancy.require();
        return jdbc.sql("select id from person where municipality_id = :m and bsn = :bsn")
            .param("m", municipality)
            .param("bsn", bsn)
            .query(UUID.class)
            .optional()
            .flatMap(id -> persons.find(municipality, id))
            .map(RegisterCorrections::recorded);
    }

    @Override
    @Transactional
    public Recorded correct(UUID personId, int expectedVersion, Fact fact, Facts from) {
        PersonData d = files.open(personId).data();
        Address a = from.address();
        PersonData after = switch (fact) {
            case GIVEN_NAME ->
                new PersonData(from.givenName(), d.familyName(), d.dateOfBirth(), d.gender(), d.category(), d.bsn(),
                        d.vNumber(), d.countryOfBirth(), d.nationality(), d.languages(), d.phone(), d.email(),
                        d.street(), d.houseNumber(), d.postcode(), d.city(), d.arrivalDate(), d.registrationDate());
            case FAMILY_NAME ->
                new PersonData(d.givenName(), from.familyName(), d.dateOfBirth(), d.gender(), d.category(), d.bsn(),
                        d.vNumber(), d.countryOfBirth(), d.nationality(), d.languages(), d.phone(), d.email(),
                        d.street(), d.houseNumber(), d.postcode(), d.city(), d.arrivalDate(), d.registrationDate());
            case DATE_OF_BIRTH ->
                new PersonData(d.givenName(), d.familyName(), from.dateOfBirth(), d.gender(), d.category(), d.bsn(),
                        d.vNumber(), d.countryOfBirth(), d.nationality(), d.languages(), d.phone(), d.email(),
                        d.street(), d.houseNumber(), d.postcode(), d.city(), d.arrivalDate(), d.registrationDate());
            case GENDER -> new PersonData(d.givenName(), d.familyName(), d.dateOfBirth(), from.gender(), d.category(),
                    d.bsn(), d.vNumber(), d.countryOfBirth(), d.nationality(), d.languages(), d.phone(), d.email(),
                    d.street(), d.houseNumber(), d.postcode(), d.city(), d.arrivalDate(), d.registrationDate());
            case ADDRESS -> new PersonData(d.givenName(), d.familyName(), d.dateOfBirth(), d.gender(), d.category(),
                    d.bsn(), d.vNumber(), d.countryOfBirth(), d.nationality(), d.languages(), d.phone(), d.email(),
                    a.street(), a.houseNumber(), a.postcode(), a.city(), d.arrivalDate(), d.registrationDate());
        };
        List<FieldError> errors = validator.validate(after).stream().map(RegisterCorrections::error).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return recorded(files.change(personId, expectedVersion, after));
    }

    @Override
    @Transactional(readOnly = true)
    public void checkReach(UUID personId, Reach change) {
        validate(reached(files.open(personId).data(), change));
    }

    @Override
    @Transactional
    public Recorded changeReach(UUID personId, int expectedVersion, Reach change) {
        PersonData after = reached(files.open(personId).data(), change);
        validate(after);
        return recorded(files.change(personId, expectedVersion, after));
    }

    private static PersonData reached(PersonData d, Reach change) {
        Address a = change.address();
        return new PersonData(d.givenName(), d.familyName(), d.dateOfBirth(), d.gender(), d.category(), d.bsn(),
                d.vNumber(), d.countryOfBirth(), d.nationality(), d.languages(),
                change.phone() != null ? change.phone() : d.phone(),
                change.email() != null ? change.email() : d.email(), a != null ? a.street() : d.street(),
                a != null ? a.houseNumber() : d.houseNumber(), a != null ? a.postcode() : d.postcode(),
                a != null ? a.city() : d.city(), d.arrivalDate(), d.registrationDate());
    }

    private void validate(PersonData data) {
        List<FieldError> errors = validator.validate(data).stream().map(RegisterCorrections::error).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static FieldError error(ConstraintViolation<PersonData> violation) {
        String template = violation.getMessageTemplate();
        String key = template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1)
                : template;
        String field = violation.getPropertyPath().toString();
        return new FieldError(field.isEmpty() ? "bsn" : field, key);
    }

    private static Recorded recorded(Person person) {
        PersonData d = person.data();
        return new Recorded(
                person.id(), person.version(), d.bsn(), new Facts(d.givenName(), d.familyName(), d.dateOfBirth(),
                        d.gender(), new Address(d.street(), d.houseNumber(), d.postcode(), d.city())),
                person.householdId());
    }

}
