package nl.meedoen.residents.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.Residents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The residents' public API, on the same tables and municipality filter as the files
 * themselves.
 */
@Component
class ResidentDirectory implements Residents {

    private final Persons persons;

    private final PersonFiles files;

    private final JdbcClient jdbc;

    ResidentDirectory(Persons persons, PersonFiles files, JdbcClient jdbc) {
        this.persons = persons;
        this.files = files;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Resident> find(UUID personId) {
        return persons.find(Tenancy.require(), personId).map(ResidentDirectory::resident);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Contact> contact(UUID personId) {
        return persons.find(Tenancy.require(), personId).map(person -> {
            PersonData d = person.data();
            StringBuilder address = new StringBuilder();
            if (d.street() != null) {
                address.append(d.street());
                if (d.houseNumber() != null) {
                    address.append(' ').append(d.houseNumber());
                }
            }
            if (d.city() != null) {
                address.append(address.isEmpty() ? "" : ", ");
                if (d.postcode() != null) {
                    address.append(d.postcode()).append(' ');
                }
                address.append(d.city());
            }
            return new Contact(d.phone(), d.email(), address.isEmpty() ? null : address.toString(),
                    d.languages() == null ? List.of() : List.copyOf(d.languages()), d.postcode());
        });
    }

    @Override
    @Transactional(readOnly = true)
    public List<Resident> findAll(Collection<UUID> personIds) {
        return persons.findAll(Tenancy.require(), List.copyOf(personIds))
            .stream()
            .map(ResidentDirectory::resident)
            .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Resident> household(UUID householdId) {
        List<UUID> members = jdbc
            .sql("select person_id from household_member where municipality_id = :m and household_id = :h")
            .param("m", Tenancy.require())
            .param("h", householdId)
            .query(UUID.class)
            .list();
        return findAll(members);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Resident> search(String query, int limit) {
        if (query.isBlank()) {
            return List.of();
        }
        return files.search(query, false, 0, Math.min(Math.max(limit, 1), 100))
            .items()
            .stream()
            .map(ResidentDirectory::resident)
            .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Resident> ofCategory(Category category, int limit) {
        List<UUID> ids = jdbc.sql("""
                select id from person where municipality_id = :m and category = :c and ended_on is null
                order by registration_date nulls last, id limit :limit""")
            .param("m", Tenancy.require())
            .param("c", category.name())
            .param("limit", Math.min(Math.max(limit, 1), 1000))
            .query(UUID.class)
            .list();
        Map<UUID, Resident> byId = new HashMap<>();
        findAll(ids).forEach(resident -> byId.put(resident.id(), resident));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Identity> identity(UUID personId) {
        return persons.find(Tenancy.require(), personId).map(person -> {
            PersonData d = person.data();
            return new Identity(d.givenName(), d.familyName(), d.dateOfBirth(), d.gender(), d.category(), d.bsn(),
                    d.vNumber(), d.countryOfBirth(), d.nationality(),
                    d.languages() == null ? List.of() : List.copyOf(d.languages()), d.arrivalDate());
        });
    }

    @Override
    @Transactional
    public UUID moveIn(Identity identity, UUID fromMunicipalityId, UUID fromPersonId, LocalDate on) {
        PersonData data = new PersonData(identity.givenName(), identity.familyName(), identity.dateOfBirth(),
                identity.gender(), identity.category(), identity.bsn(), identity.vNumber(), identity.countryOfBirth(),
                identity.nationality(), identity.languages(), null, null, null, null, null, null,
                identity.arrivalDate(), on);
        UUID id = files.register(data, null).id();
        jdbc.sql("""
                insert into person_departure (person_id, municipality_id, to_municipality_id, departed_on)
                values (:person, :from, :to, :on)""")
            .param("person", fromPersonId)
            .param("from", fromMunicipalityId)
            .param("to", Tenancy.require())
            .param("on", on)
            .update();
        return id;
    }

    private static Resident resident(Person person) {
        return new Resident(person.id(), person.fullName(), person.data().dateOfBirth(), person.data().category(),
                person.householdId(), person.teamId(), person.ended(), person.data().arrivalDate(),
                person.data().gender());
    }

}
