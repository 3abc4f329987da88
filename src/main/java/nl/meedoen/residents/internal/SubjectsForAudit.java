package nl.meedoen.residents.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.meedoen.audit.AuditSubjects;
import nl.meedoen.platform.Tenancy;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets the privacy officer find the persons whose processing log they consult. */
@Component
class SubjectsForAudit implements AuditSubjects {

    private final Persons persons;

    SubjectsForAudit(Persons persons) {
        this.persons = persons;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Subject> find(UUID personId) {
        return persons.find(Tenancy.require(), personId).map(SubjectsForAudit::subject);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Subject> findAll(Collection<UUID> personIds) {
        return persons.findAll(Tenancy.require(), List.copyOf(personIds))
            .stream()
            .map(SubjectsForAudit::subject)
            .collect(Collectors.toMap(Subject::id, subject -> subject));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Subject> search(String query, int limit) {
        return persons.search(Tenancy.require(), query, true, 0, limit)
            .items()
            .stream()
            .map(SubjectsForAudit::subject)
            .toList();
    }

    private static Subject subject(Person person) {
        PersonData data = person.data();
        String identification = data.bsn() != null ? "BSN " + data.bsn() : "V-nummer " + data.vNumber();
        return new Subject(person.id(), person.fullName(), identification);
    }

}
