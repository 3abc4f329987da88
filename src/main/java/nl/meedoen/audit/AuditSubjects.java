package nl.meedoen.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The persons whose processing log a privacy officer can consult; implemented by the
 * module that owns persons. Answers only for the current municipality.
 */
public interface AuditSubjects {

    /** A person as a privacy officer needs to recognise them. */
    record Subject(UUID id, String name, String identification) {
    }

    Optional<Subject> find(UUID personId);

    /**
     * The persons among {@code personIds} that exist in the current municipality, by id.
     */
    Map<UUID, Subject> findAll(Collection<UUID> personIds);

    /** Persons by BSN, V-number or name prefix; at most {@code limit}. */
    List<Subject> search(String query, int limit);

}
