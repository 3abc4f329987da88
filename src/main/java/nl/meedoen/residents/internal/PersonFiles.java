package nl.meedoen.residents.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.EndReason;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, opening, changing and ending a person's file. Each change writes its entry
 * in the processing log in the same transaction; reads are logged by the page or API
 * handler that shows them.
 */
@Service
public class PersonFiles {

    private final Persons persons;

    private final AuditLog audit;

    private final Clock clock;

    PersonFiles(Persons persons, AuditLog audit, Clock clock) {
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
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
        audit.record(AuditAction.CREATE, id);
        return persons.find(municipality, id).orElseThrow();
    }

    /** The file of a person of the current municipality; 404 for any other. */
    @Transactional(readOnly = true)
    public Person open(UUID id) {
        return persons.find(Tenancy.require(), id).orElseThrow(NotFoundException::new);
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
        audit.record(AuditAction.UPDATE, id);
        return persons.find(municipality, id).orElseThrow();
    }

    /**
     * Ends a file on a day that has come: a file is ended when the person has left, not
     * in advance.
     */
    @Transactional
    public Person end(UUID id, int expectedVersion, LocalDate on, EndReason reason) {
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("endedOn", "date.future");
        }
        UUID municipality = Tenancy.require();
        Person current = persons.find(municipality, id).orElseThrow(NotFoundException::new);
        if (current.ended()) {
            throw new ConflictException("person.alreadyEnded");
        }
        if (current.version() != expectedVersion || !persons.end(municipality, id, expectedVersion, on, reason)) {
            throw new StaleVersionException();
        }
        audit.record(AuditAction.END, id);
        return persons.find(municipality, id).orElseThrow();
    }

    /**
     * Finds persons by name prefix, or exactly by BSN or V-number (the first 200
     * characters of the query count). A handler that shows the result of a search by
     * number logs it ({@link nl.meedoen.residents.Residents#identifiesByNumber}).
     */
    @Transactional(readOnly = true)
    public Persons.Found search(String query, boolean includeEnded, int page, int size) {
        String trimmed = query.length() > 200 ? query.substring(0, 200) : query;
        return persons.search(Tenancy.require(), trimmed, includeEnded, page, size);
    }

    /**
     * A page of the person list with its filters; {@code conditionParams} are the
     * parameters the contributed conditions read.
     */
    @Transactional(readOnly = true)
    public Persons.Found list(Persons.ListQuery query, Map<String, Object> conditionParams) {
        String text = query.query();
        Persons.ListQuery trimmed = text.length() <= 200 ? query
                : new Persons.ListQuery(text.substring(0, 200), query.includeEnded(), query.category(),
                        query.arrivalYear(), query.conditions(), query.holderCondition(), query.sort(), query.page(),
                        query.size());
        return persons.list(Tenancy.require(), trimmed, conditionParams);
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
