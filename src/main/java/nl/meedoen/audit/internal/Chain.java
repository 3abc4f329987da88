package nl.meedoen.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.platform.Tenancy;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chaining step: links a municipality's committed entries that have no link yet, in
 * the order it sees them, each with the keyed hash of the previous link and the entry.
 * Requests never wait on it: they only insert their entry. The step runs every few
 * seconds ({@link AuditJobs}) and before each verification; concurrent steps of one
 * municipality take turns on its head row, and the database functions
 * {@code audit_lock_head} and {@code audit_append_links} are the only way to write links.
 */
@Component
public class Chain {

    static final String GENESIS = "0".repeat(64);

    /** Entries linked per step at most; the next step continues. */
    static final int BATCH = 5000;

    private final JdbcClient jdbc;

    private final ChainKey key;

    private final Municipalities municipalities;

    Chain(JdbcClient jdbc, ChainKey key, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.key = key;
        this.municipalities = municipalities;
    }

    /** Links every municipality's pending entries. */
    public void linkAll() {
        for (Municipality municipality : municipalities.all()) {
            Tenancy.runAs(municipality.id(), () -> {
                while (link() == BATCH) {
                    // another batch
                }
            });
        }
    }

    /**
     * Links the current municipality's committed entries that have no link yet (at most
     * {@link #BATCH}); answers how many it linked.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int link() {
        UUID municipalityId = Tenancy.require();
        record Head(long position, String hash, long basePosition, @Nullable String linkedBelow) {
        }
        Head head = jdbc.sql("select link_seq as position, hash, base_position, linked_below from audit_lock_head(:m)")
            .param("m", municipalityId)
            .query(Head.class)
            .single();
        // Every transaction older than this one has ended: its entries are visible now or
        // never will be.
        String horizon = jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single();
        List<Entry> pending = jdbc.sql(Entry.SELECT + "\n" + """
                where e.municipality_id = :m
                  and (cast(:below as xid8) is null or e.xid >= cast(:below as xid8))
                  and not exists (select 1 from audit_link l where l.municipality_id = e.municipality_id
                                                               and l.entry_seq = e.seq)
                order by e.seq
                limit :limit""")
            .param("m", municipalityId)
            .param("below", head.linkedBelow())
            .param("limit", BATCH)
            .query(Entry::of)
            .list();
        List<Long> seqs = new ArrayList<>(pending.size());
        List<String> hashes = new ArrayList<>(pending.size());
        String previous = head.hash();
        long position = head.position();
        for (Entry entry : pending) {
            position++;
            previous = linkHash(previous, position, entry);
            seqs.add(entry.seq());
            hashes.add(previous);
        }
        if (pending.isEmpty() && horizon.equals(head.linkedBelow())) {
            return 0;
        }
        jdbc.sql("select audit_append_links(:m, :after, :seqs, :hashes, :watermark)")
            .param("m", municipalityId)
            .param("after", head.position())
            .param("seqs", seqs.toArray(Long[]::new))
            .param("hashes", hashes.toArray(String[]::new))
            .param("watermark", pending.size() < BATCH ? horizon : head.linkedBelow())
            .query((rs, i) -> 1)
            .list();
        return pending.size();
    }

    /** The keyed hash of a link: the previous link's hash, its position and the entry. */
    String linkHash(String previous, long position, Entry entry) {
        return key.sign(String.join("\u001f", previous, Long.toString(position), entry.canonical()));
    }

    /** An entry as the chain covers it. */
    record Entry(UUID municipalityId, long seq, OffsetDateTime at, String actor, @Nullable String actorRole,
            String action, @Nullable UUID personId, String purpose, @Nullable String traceId,
            @Nullable String subjectAccount, @Nullable String detail) {

        static final String SELECT = """
                select e.municipality_id, e.seq, e.at, e.actor, e.actor_role, e.action, e.person_id, e.purpose,
                       e.trace_id, e.subject_account, e.detail
                from audit_entry e""";

        static Entry of(ResultSet rs, int row) throws SQLException {
            return new Entry(rs.getObject("municipality_id", UUID.class), rs.getLong("seq"),
                    rs.getObject("at", OffsetDateTime.class), rs.getString("actor"), rs.getString("actor_role"),
                    rs.getString("action"), rs.getObject("person_id", UUID.class), rs.getString("purpose"),
                    rs.getString("trace_id"), rs.getString("subject_account"), rs.getString("detail"));
        }

        /**
         * The content the link covers; an entry about an account adds its subject and
         * detail, every other entry hashes as it always did.
         */
        String canonical() {
            String person = String.join("\u001f", municipalityId.toString(), Long.toString(seq),
                    at.toInstant().toString(), actor, String.valueOf(actorRole), action, String.valueOf(personId),
                    purpose, String.valueOf(traceId));
            if (subjectAccount == null && detail == null) {
                return person;
            }
            return String.join("\u001f", person, String.valueOf(subjectAccount), String.valueOf(detail));
        }
    }

}
