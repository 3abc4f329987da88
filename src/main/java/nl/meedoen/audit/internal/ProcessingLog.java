package nl.meedoen.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processing log in PostgreSQL. Appends lock the municipality's chain head, so
 * entries of one municipality get consecutive sequence numbers and each links to the hash
 * of the one before.
 */
@Service
@EnableConfigurationProperties(ProcessingLog.Purposes.class)
public class ProcessingLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);

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
            String action, @Nullable UUID personId, String purpose, @Nullable String traceId, String prevHash,
            String hash) {

        String expectedHash() {
            return ProcessingLog.hash(prevHash, municipalityId, seq, at, actor, actorRole, action, personId, purpose,
                    traceId);
        }
    }

    private final JdbcClient jdbc;

    private final JdbcTemplate streaming;

    private final Purposes purposes;

    private final Clock clock;

    ProcessingLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Purposes purposes, Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.streaming.setFetchSize(2000);
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
        new LinkedHashSet<>(personIds).forEach(personId -> append(action, personId));
    }

    private void append(AuditAction action, UUID personId) {
        CurrentUser.current()
            .ifPresentOrElse(
                    user -> append(user.municipalityId(), user.username(), user.role().name(), action, personId),
                    () -> append(Tenancy.require(), "systeem", action.area(), action, personId));
    }

    private void append(UUID municipalityId, String actor, @Nullable String actorRole, AuditAction action,
            UUID personId) {
        jdbc.sql("insert into audit_chain (municipality_id, seq, hash) values (:m, 0, :genesis) on conflict do nothing")
            .param("m", municipalityId)
            .param("genesis", GENESIS)
            .update();
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select seq, hash from audit_chain where municipality_id = :m for update")
            .param("m", municipalityId)
            .query(Head.class)
            .single();
        long seq = head.seq() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String purpose = purposes.of(action);
        String traceId = RequestTrace.currentId().orElse(null);
        String hash = hash(head.hash(), municipalityId, seq, at, actor, actorRole, action.name(), personId, purpose,
                traceId);
        jdbc.sql("""
                insert into audit_entry (municipality_id, seq, at, actor, actor_role, action, person_id, purpose,
                                         trace_id, prev_hash, hash)
                values (:m, :seq, :at, :actor, :role, :action, :person, :purpose, :trace, :prev, :hash)
                """)
            .param("m", municipalityId)
            .param("seq", seq)
            .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
            .param("actor", actor)
            .param("role", actorRole)
            .param("action", action.name())
            .param("person", personId)
            .param("purpose", purpose)
            .param("trace", traceId)
            .param("prev", head.hash())
            .param("hash", hash)
            .update();
        jdbc.sql("update audit_chain set seq = :seq, hash = :hash where municipality_id = :m")
            .param("seq", seq)
            .param("hash", hash)
            .param("m", municipalityId)
            .update();
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

    /** The outcome of recomputing a municipality's chain. */
    public record Verification(boolean valid, long entries, @Nullable Long firstBrokenSeq) {
    }

    /**
     * Recomputes the current municipality's whole chain, streaming it in sequence order.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        UUID municipalityId = Tenancy.require();
        long[] count = { 0 };
        String[] previous = { GENESIS };
        Long[] broken = { null };
        streaming.query(SELECT + " where municipality_id = ? order by seq", rs -> {
            Entry entry = entry(rs, 0);
            count[0]++;
            boolean linked = entry.seq() == count[0] && entry.prevHash().equals(previous[0]);
            if (broken[0] == null && (!linked || !entry.hash().equals(entry.expectedHash()))) {
                broken[0] = entry.seq();
            }
            previous[0] = entry.hash();
        }, municipalityId);
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select seq, hash from audit_chain where municipality_id = :m")
            .param("m", municipalityId)
            .query(Head.class)
            .optional()
            .orElse(new Head(0, GENESIS));
        if (broken[0] == null && (head.seq() != count[0] || !head.hash().equals(previous[0]))) {
            broken[0] = Math.min(head.seq(), count[0]) + 1;
        }
        return new Verification(broken[0] == null, count[0], broken[0]);
    }

    private static final String SELECT = """
            select municipality_id, seq, at, actor, actor_role, action, person_id, purpose, trace_id, prev_hash, hash
            from audit_entry""";

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getObject("municipality_id", UUID.class), rs.getLong("seq"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("actor_role"),
                rs.getString("action"), rs.getObject("person_id", UUID.class), rs.getString("purpose"),
                rs.getString("trace_id"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    static String hash(String prevHash, UUID municipalityId, long seq, Instant at, String actor,
            @Nullable String actorRole, String action, @Nullable UUID personId, String purpose,
            @Nullable String traceId) {
        String content = String.join("\u001f", prevHash, municipalityId.toString(), Long.toString(seq), at.toString(),
                actor, String.valueOf(actorRole), action, String.valueOf(personId), purpose, String.valueOf(traceId));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

}
