package nl.meedoen.residents.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.HouseholdRole;
import nl.meedoen.residents.ResidentIntake;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intake of persons and households from a delivered list, on the file's own rules
 * ({@link PersonData}'s validation), services ({@link PersonFiles}, {@link Households})
 * and log entries.
 */
@Component
class ListIntake implements ResidentIntake {

    private final PersonFiles files;

    private final Persons persons;

    private final Households households;

    private final Validator validator;

    private final JdbcClient jdbc;

    ListIntake(PersonFiles files, Persons persons, Households households, Validator validator, JdbcClient jdbc) {
        this.files = files;
        this.persons = persons;
        this.households = households;
        this.validator = validator;
        this.jdbc = jdbc;
    }

    @Override
    public List<FieldError> check(Registration registration) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<PersonData> violation : validator.validate(asNew(registration))) {
            String template = violation.getMessageTemplate();
            String key = template.startsWith("{") && template.endsWith("}")
                    ? template.substring(1, template.length() - 1) : template;
            String field = violation.getPropertyPath().toString();
            errors.add(new FieldError(field.isEmpty() ? "bsn" : field, key));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return errors;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Known> lookup(Registration registration) {
        UUID municipality = Tenancy.require();
        PersonData tidy = asNew(registration);
        Set<UUID> ids = new LinkedHashSet<>();
        if (tidy.bsn() != null) {
            ids.addAll(idsWhere(municipality, "bsn", tidy.bsn()));
        }
        if (tidy.vNumber() != null) {
            ids.addAll(idsWhere(municipality, "v_number", tidy.vNumber()));
        }
        if (ids.size() > 1) {
            throw new ConflictException("exchange.numbers.twoFiles");
        }
        return ids.stream()
            .findFirst()
            .flatMap(id -> persons.find(municipality, id))
            .map(person -> new Known(person.id(), person.version(), person.householdId(),
                    !merged(person.data(), registration).equals(person.data())));
    }

    @Override
    @Transactional
    public UUID register(Registration registration) {
        return files.register(asNew(registration), null).id();
    }

    @Override
    @Transactional
    public boolean update(UUID personId, int expectedVersion, Registration registration) {
        Person current = files.open(personId);
        PersonData after = merged(current.data(), registration);
        if (after.equals(current.data())) {
            return false;
        }
        files.change(personId, expectedVersion, after);
        return true;
    }

    @Override
    @Transactional
    public boolean household(List<Member> members) {
        Set<UUID> existing = new LinkedHashSet<>();
        for (Member member : members) {
            Person person = files.open(member.personId());
            if (person.householdId() != null) {
                existing.add(person.householdId());
            }
        }
        if (existing.size() > 1) {
            throw new ConflictException("exchange.household.split");
        }
        if (existing.isEmpty()) {
            households.create(members.stream().map(m -> new Households.Membership(m.personId(), m.role())).toList());
            return true;
        }
        UUID householdId = existing.iterator().next();
        boolean changed = false;
        for (Member member : members) {
            Households.Household household = households.open(householdId);
            if (household.personIds().contains(member.personId())) {
                continue;
            }
            HouseholdRole role = member.role() == HouseholdRole.HEAD
                    && household.members().stream().anyMatch(m -> m.role() == HouseholdRole.HEAD) ? HouseholdRole.OTHER
                            : member.role();
            households.add(householdId, new Households.Membership(member.personId(), role), household.version());
            changed = true;
        }
        return changed;
    }

    private List<UUID> idsWhere(UUID municipality, String column, String value) {
        return jdbc.sql("select id from person where municipality_id = :m and " + column + " = :v")
            .param("m", municipality)
            .param("v", value)
            .query(UUID.class)
            .list();
    }

    private static PersonData asNew(Registration r) {
        return new PersonData(r.givenName(), r.familyName(), r.dateOfBirth(), r.gender(), Category.PERMIT_HOLDER,
                r.bsn(), r.vNumber(), null, r.nationality(), r.languages(), null, null, null, null, null, null, null,
                null);
    }

    /** The file with what the registration knows; what it leaves absent stays. */
    private static PersonData merged(PersonData d, Registration r) {
        PersonData tidy = asNew(r);
        return new PersonData(or(tidy.givenName(), d.givenName()), or(tidy.familyName(), d.familyName()),
                or(tidy.dateOfBirth(), d.dateOfBirth()), or(tidy.gender(), d.gender()), d.category(),
                or(tidy.bsn(), d.bsn()), or(tidy.vNumber(), d.vNumber()), d.countryOfBirth(),
                or(tidy.nationality(), d.nationality()), tidy.languages().isEmpty() ? d.languages() : tidy.languages(),
                d.phone(), d.email(), d.street(), d.houseNumber(), d.postcode(), d.city(), d.arrivalDate(),
                d.registrationDate());
    }

    private static <T> @Nullable T or(@Nullable T value, @Nullable T otherwise) {
        return value != null ? value : otherwise;
    }

}
