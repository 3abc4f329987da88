package nl.meedoen.residents.internal;

import java.time.LocalDate;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.EndReason;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, opening, changing and ending a person's file. Each of these writes its
 * entry in the processing log in the same transaction; a search by BSN or V-number does
 * too, for every person it finds.
 */
@Service
public class PersonFiles {

    private final Persons persons;

    private final FileLog fileLog;

    PersonFiles(Persons persons, FileLog fileLog) {
        this.persons = persons;
        this.fileLog = fileLog;
    }

    /**
     * Registers a person in the current municipality, for the team given or the
     * caseworker's own team.
     */
    @Transactional
    public Person register(PersonData data, @Nullable UUID teamId) {
        UUID municipality = Tenancy.require();
        refuseDuplicates(municipality, data, null);
        UUID id = UUID.randomUUID();
        UUID team = teamId != null ? teamId : CurrentUser.current().map(CurrentUser::teamId).orElse(null);
        try {
            persons.insert(municipality, id, team, data);
        }
        catch (DuplicateKeyException ex) {
            throw duplicateOf(data);
        }
        fileLog.log(AuditAction.CREATE, id);
        return persons.find(municipality, id).orElseThrow();
    }

    /** Opens a file: the read is logged. */
    @Transactional
    public Person open(UUID id) {
        Person person = persons.find(Tenancy.require(), id).orElseThrow(NotFoundException::new);
        fileLog.log(AuditAction.READ, id);
        return person;
    }

    @Transactional
    public Person change(UUID id, int expectedVersion, PersonData data) {
        UUID municipality = Tenancy.require();
        Person current = persons.find(municipality, id).orElseThrow(NotFoundException::new);
        if (current.version() != expectedVersion) {
            throw new StaleVersionException();
        }
        refuseDuplicates(municipality, data, id);
        try {
            if (!persons.update(municipality, id, expectedVersion, data)) {
                throw new StaleVersionException();
            }
        }
        catch (DuplicateKeyException ex) {
            throw duplicateOf(data);
        }
        fileLog.log(AuditAction.UPDATE, id);
        return persons.find(municipality, id).orElseThrow();
    }

    @Transactional
    public Person end(UUID id, int expectedVersion, LocalDate on, EndReason reason) {
        UUID municipality = Tenancy.require();
        Person current = persons.find(municipality, id).orElseThrow(NotFoundException::new);
        if (current.ended()) {
            throw new ConflictException("person.alreadyEnded");
        }
        if (current.version() != expectedVersion || !persons.end(municipality, id, expectedVersion, on, reason)) {
            throw new StaleVersionException();
        }
        fileLog.log(AuditAction.END, id);
        return persons.find(municipality, id).orElseThrow();
    }

    /**
     * Finds persons by name prefix, or exactly by BSN or V-number. List results are not
     * logged as reads, but a search by an identifying number is, for each person it
     * finds.
     */
    @Transactional
    public Persons.Found search(String query, boolean includeEnded, int page, int size) {
        Persons.Found found = persons.search(Tenancy.require(), query, includeEnded, page, size);
        String digits = query.replace(" ", "").replace(".", "");
        if (digits.matches("\\d{8,10}")) {
            found.items().forEach(person -> fileLog.log(AuditAction.SEARCH, person.id()));
        }
        return found;
    }

    private void refuseDuplicates(UUID municipality, PersonData data, @Nullable UUID self) {
        if (data.bsn() != null && persons.bsnTaken(municipality, data.bsn(), self)) {
            throw new ConflictException("person.bsn.duplicate");
        }
        if (data.vNumber() != null && persons.vNumberTaken(municipality, data.vNumber(), self)) {
            throw new ConflictException("person.vNumber.duplicate");
        }
    }

    private static ConflictException duplicateOf(PersonData data) {
        return new ConflictException(data.bsn() != null ? "person.bsn.duplicate" : "person.vNumber.duplicate");
    }

}
