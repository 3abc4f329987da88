package nl.meedoen.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.RequestTrace;
import nl.meedoen.platform.Tenancy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processing log in PostgreSQL. An append is one insert in the caller's transaction:
 * the entry and the processing it records are stored together or not at all, and
 * concurrent requests of one municipality never wait on each other. {@link Chain} links
 * the committed entries with a keyed hash shortly after.
 */
@Service
@EnableConfigurationProperties(ProcessingLog.Purposes.class)
public class ProcessingLog implements AuditLog {

    /** Purpose / legal basis per action, from {@code meedoen.audit.purposes}. */
    @ConfigurationProperties("meedoen.audit")
    record Purposes(Map<AuditAction, String> purposes) {

        String of(AuditAction action) {
            String purpose = purposes == null ? null : purposes.get(action);
            return purpose != null ? purpose : "Uitvoering integratiebeleid";
        }
    }

    /** One entry as stored. */
    public record Entry(UUID municipalityId, long seq, Instant at, String actor, @Nullable String actorRole,
            String action, @Nullable UUID personId, String purpose, @Nullable String traceId,
            @Nullable String subjectAccount, @Nullable String detail) {
    }

    /**
     * From this many persons a read is written set-based: one statement for the persons
     * of a list (25 rows of a worklist cost 25 round trips one by one).
     */
    private static final int MANY = 2;

    private static final int BATCH = 5000;

    private final JdbcClient jdbc;

    private final Purposes purposes;

    private final Clock clock;

    ProcessingLog(JdbcClient jdbc, Purposes purposes, Clock clock) {
        this.jdbc = jdbc;
        this.purposes = purposes;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, UUID personId) {
        append(action, personId);
    }

    @Override
    @Transactional
    public void read(AuditAction action, UUID personId) {
        append(action, personId);
    }

    @Override
    @Transactional
    public void read(AuditAction action, Collection<UUID> personIds) {
        List<UUID> persons = List.copyOf(new LinkedHashSet<>(personIds));
        if (persons.size() < MANY) {
            persons.forEach(personId -> append(action, personId));
            return;
        }
        // a list, a page, an export: one statement per batch rather than one per person,
        // the same entries in the same order
        for (int from = 0; from < persons.size(); from += BATCH) {
            List<UUID> batch = persons.subList(from, Math.min(persons.size(), from + BATCH));
            CurrentUser.current()
                .ifPresentOrElse(
                        user -> appendAll(user.municipalityId(), user.username(), user.role().name(), action, batch),
                        () -> appendAll(Tenancy.require(), "systeem", action.area(), action, batch));
        }
    }

    private void appendAll(UUID municipalityId, String actor, @Nullable String actorRole, AuditAction action,
            List<UUID> personIds) {
        StringBuilder array = new StringBuilder("{");
        for (UUID personId : personIds) {
            array.append(array.length() > 1 ? "," : "").append(personId);
        }
        jdbc.sql("""
                insert into audit_entry (municipality_id, at, actor, actor_role, action, person_id, purpose, trace_id)
                select :m, :at, :actor, :role, :action, t.person, :purpose, :trace
                from unnest(cast(:persons as uuid[])) with ordinality as t(person, n)
                order by t.n
                """)
            .param("m", municipalityId)
            .param("at", OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
            .param("actor", actor)
            .param("role", actorRole)
            .param("action", action.name())
            .param("persons", array.append('}').toString())
            .param("purpose", purposes.of(action))
            .param("trace", RequestTrace.currentId().orElse(null))
            .update();
    }

    private void append(AuditAction action, UUID personId) {
        CurrentUser.current()
            .ifPresentOrElse(
                    user -> append(user.municipalityId(), user.username(), user.role().name(), action, personId),
                    () -> append(Tenancy.require(), "systeem", action.area(), action, personId));
    }

    private void append(UUID municipalityId, String actor, @Nullable String actorRole, AuditAction action,
            UUID personId) {
        // The entry takes its number from a sequence and waits on no other request; the
        // chaining step links it
        // shortly after it commits (Chain).
        jdbc.sql("""
                insert into audit_entry (municipality_id, at, actor, actor_role, action, person_id, purpose, trace_id)
                values (:m, :at, :actor, :role, :action, :person, :purpose, :trace)
                """)
            .param("m", municipalityId)
            .param("at", OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
            .param("actor", actor)
            .param("role", actorRole)
            .param("action", action.name())
            .param("person", personId)
            .param("purpose", purposes.of(action))
            .param("trace", RequestTrace.currentId().orElse(null))
            .update();
    }

    /**
     * Logs an administrator's action on an account or a security event of its login, in
     * the caller's transaction if there is one, in the account's municipality. The entry
     * names the account, not a person.
     */
    @Transactional
    public void account(AuditAction action, UUID municipalityId, String account, @Nullable String actor,
            @Nullable String actorRole, String detail) {
        if (!action.isAboutAnAccount()) {
            throw new IllegalArgumentException(action + " is about a person");
        }
        Tenancy.runAs(municipalityId, () -> jdbc.sql("""
                insert into audit_entry (municipality_id, at, actor, actor_role, action, purpose, trace_id,
                    subject_account, detail)
                values (:m, :at, :actor, :role, :action, :purpose, :trace, :account, :detail)
                """)
            .param("m", municipalityId)
            .param("at", OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
            .param("actor", actor == null ? "systeem" : actor)
            .param("role", actor == null ? action.area() : actorRole)
            .param("action", action.name())
            .param("purpose", purposes.of(action))
            .param("trace", RequestTrace.currentId().orElse(null))
            .param("account", account)
            .param("detail", detail)
            .update());
    }

    /**
     * A page of the entries about one account (administration and security events),
     * newest first.
     */
    @Transactional(readOnly = true)
    public List<Entry> entriesAbout(String account, int page, int size) {
        return jdbc
            .sql(SELECT + " where municipality_id = :m and subject_account = :a order by seq desc limit :l offset :o")
            .param("m", Tenancy.require())
            .param("a", account)
            .param("l", size)
            .param("o", (long) page * size)
            .query(ProcessingLog::entry)
            .list();
    }

    @Transactional(readOnly = true)
    public long countAbout(String account) {
        return jdbc.sql("select count(*) from audit_entry where municipality_id = :m and subject_account = :a")
            .param("m", Tenancy.require())
            .param("a", account)
            .query(Long.class)
            .single();
    }

    /** A page of a person's entries, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> entriesOf(UUID personId, int page, int size) {
        return jdbc.sql(SELECT + " where municipality_id = :m and person_id = :p order by seq desc limit :l offset :o")
            .param("m", Tenancy.require())
            .param("p", personId)
            .param("l", size)
            .param("o", (long) page * size)
            .query(ProcessingLog::entry)
            .list();
    }

    @Transactional(readOnly = true)
    public long countOf(UUID personId) {
        return jdbc.sql("select count(*) from audit_entry where municipality_id = :m and person_id = :p")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(Long.class)
            .single();
    }

    /** A page of what one user (by user name) processed, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> entriesBy(String actor, int page, int size) {
        return jdbc.sql(SELECT + " where municipality_id = :m and actor = :a order by seq desc limit :l offset :o")
            .param("m", Tenancy.require())
            .param("a", actor)
            .param("l", size)
            .param("o", (long) page * size)
            .query(ProcessingLog::entry)
            .list();
    }

    @Transactional(readOnly = true)
    public long countBy(String actor) {
        return jdbc.sql("select count(*) from audit_entry where municipality_id = :m and actor = :a")
            .param("m", Tenancy.require())
            .param("a", actor)
            .query(Long.class)
            .single();
    }

    private static final String SELECT = """
            select municipality_id, seq, at, actor, actor_role, action, person_id, purpose, trace_id,
                subject_account, detail
            from audit_entry""";

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getObject("municipality_id", UUID.class), rs.getLong("seq"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("actor_role"),
                rs.getString("action"), rs.getObject("person_id", UUID.class), rs.getString("purpose"),
                rs.getString("trace_id"), rs.getString("subject_account"), rs.getString("detail"));
    }

}
