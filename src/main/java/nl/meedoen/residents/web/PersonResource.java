package nl.meedoen.residents.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.residents.Category;
import nl.meedoen.residents.EndReason;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.internal.Person;
import nl.meedoen.residents.internal.PersonData;
import org.jspecify.annotations.Nullable;

/**
 * A person as the API shows it: the recorded data, plus the read-only id, version,
 * household and end.
 */
record PersonResource(UUID id, int version, @Nullable String givenName, @Nullable String familyName,
        @Nullable LocalDate dateOfBirth, @Nullable Gender gender, @Nullable Category category, @Nullable String bsn,
        @Nullable String vNumber, @Nullable String countryOfBirth, @Nullable String nationality, List<String> languages,
        @Nullable String phone, @Nullable String email, @Nullable String street, @Nullable String houseNumber,
        @Nullable String postcode, @Nullable String city, @Nullable LocalDate arrivalDate,
        @Nullable LocalDate registrationDate, @Nullable UUID householdId, @Nullable LocalDate endedOn,
        @Nullable EndReason endReason) {

    static PersonResource of(Person person) {
        PersonData d = person.data();
        return new PersonResource(person.id(), person.version(), d.givenName(), d.familyName(), d.dateOfBirth(),
                d.gender(), d.category(), d.bsn(), d.vNumber(), d.countryOfBirth(), d.nationality(), d.languages(),
                d.phone(), d.email(), d.street(), d.houseNumber(), d.postcode(), d.city(), d.arrivalDate(),
                d.registrationDate(), person.householdId(), person.endedOn(), person.endReason());
    }
}
