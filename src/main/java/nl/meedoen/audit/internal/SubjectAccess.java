package nl.meedoen.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditSubjects;
import nl.meedoen.audit.PersonalData;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The right of access (AVG art. 15): everything Meedoen holds on a person — each module's
 * part ({@link PersonalData}) — and who processed the file when and why, from the log.
 */
@Service
public class SubjectAccess {

    /** Newest log entries in an export at most; older ones are counted, not listed. */
    static final int ACCESSES = 10_000;

    /** One processing of the file, from the log. */
    public record Access(Instant at, String actor, @Nullable String actorRole, String action, String purpose) {
    }

    /** The export as handed to the person. */
    public record Export(UUID personId, String name, String identification, Instant madeAt,
            List<PersonalData.Section> sections, List<Access> accesses, long accessesInLog) {
    }

    private final List<PersonalData> parts;

    private final AuditSubjects subjects;

    private final JdbcClient jdbc;

    private final Clock clock;

    SubjectAccess(List<PersonalData> parts, AuditSubjects subjects, JdbcClient jdbc, Clock clock) {
        this.parts = parts.stream().sorted(Comparator.comparingInt(PersonalData::order)).toList();
        this.subjects = subjects;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The export of a person of the current municipality; 404 for anyone else. */
    @Transactional(readOnly = true)
    public Export export(UUID personId) {
        AuditSubjects.Subject subject = subjects.find(personId).orElseThrow(NotFoundException::new);
        List<PersonalData.Section> sections = parts.stream().flatMap(part -> part.of(personId).stream()).toList();
        UUID municipalityId = Tenancy.require();
        List<Access> accesses = jdbc.sql("""
                select at, actor, actor_role, action, purpose from audit_entry
                where municipality_id = :m and person_id = :p order by seq desc limit :l""")
            .param("m", municipalityId)
            .param("p", personId)
            .param("l", ACCESSES)
            .query((rs, i) -> new Access(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                    rs.getString("actor_role"), rs.getString("action"), rs.getString("purpose")))
            .list();
        long inLog = jdbc.sql("select count(*) from audit_entry where municipality_id = :m and person_id = :p")
            .param("m", municipalityId)
            .param("p", personId)
            .query(Long.class)
            .single();
        return new Export(personId, subject.name(), subject.identification(), clock.instant(), sections, accesses,
                inLog);
    }

}
