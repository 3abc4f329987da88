package nl.meedoen.residents.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The residents' public API, on the same tables and municipality filter as the files themselves. */
@Component
class ResidentDirectory implements Residents {

    private final Persons persons;

    private final JdbcClient jdbc;

    ResidentDirectory(Persons persons, JdbcClient jdbc) {
        this.persons = persons;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Resident> find(UUID personId) {
        return persons.find(Tenancy.require(), personId).map(ResidentDirectory::resident);
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

    private static Resident resident(Person person) {
        return new Resident(person.id(), person.fullName(), person.data().dateOfBirth(), person.data().category(),
                person.householdId(), person.teamId(), person.ended());
    }
}
