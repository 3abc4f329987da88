package nl.meedoen.audit.internal;

import java.util.Optional;
import java.util.UUID;

import nl.meedoen.platform.Tenancy;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes a municipality's chain from one consistent snapshot (repeatable read): the
 * head, the links, the entries and their count are all as of the same moment, so a write
 * that commits meanwhile is simply not there yet. Entries not linked yet are
 * <em>pending</em>, never broken. The chain is also held to the last anchor exported
 * outside the database.
 */
@Component
public class ChainVerification {

    /**
     * The outcome: {@code firstBrokenEntry} is the number of the first entry that fails.
     */
    public record Verification(boolean valid, long entries, long chained, long pending, @Nullable Long firstBrokenEntry,
            Anchors.@Nullable Anchor anchor) {
    }

    private final Chain chain;

    private final Anchors anchors;

    private final JdbcClient jdbc;

    private final JdbcTemplate streaming;

    private final TransactionTemplate snapshot;

    ChainVerification(Chain chain, Anchors anchors, JdbcClient jdbc, JdbcTemplate jdbcTemplate,
            PlatformTransactionManager transactions) {
        this.chain = chain;
        this.anchors = anchors;
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.streaming.setFetchSize(2000);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** Links what is pending, then verifies the current municipality's chain. */
    public Verification verify() {
        chain.link();
        return verifyAsItIs();
    }

    /** Verifies the current municipality's chain without linking first. */
    public Verification verifyAsItIs() {
        UUID municipalityId = Tenancy.require();
        Anchors.Anchor anchor = anchors.last(municipalityId).orElse(null);
        return snapshot.execute(status -> verify(municipalityId, anchor));
    }

    private Verification verify(UUID municipalityId, Anchors.@Nullable Anchor anchor) {
        record Head(long position, String hash, long basePosition, String baseHash) {
        }
        Head head = jdbc.sql(
                "select link_seq as position, hash, base_position, base_hash from audit_head where municipality_id = :m")
            .param("m", municipalityId)
            .query(Head.class)
            .optional()
            .orElse(new Head(0, Chain.GENESIS, 0, Chain.GENESIS));
        long entries = jdbc.sql("select count(*) from audit_entry where municipality_id = :m")
            .param("m", municipalityId)
            .query(Long.class)
            .single();
        Walk walk = new Walk(head.basePosition(), head.baseHash(), anchor);
        streaming.query("""
                select l.link_seq, l.entry_seq, l.hash as link_hash, e.municipality_id, e.seq, e.at, e.actor,
                       e.actor_role, e.action, e.person_id, e.purpose, e.trace_id, e.subject_account, e.detail
                from audit_link l
                left join audit_entry e on e.municipality_id = l.municipality_id and e.seq = l.entry_seq
                where l.municipality_id = ? and l.link_seq > ?
                order by l.link_seq""", rs -> {
            long position = rs.getLong("link_seq");
            long entrySeq = rs.getLong("entry_seq");
            String linkHash = rs.getString("link_hash");
            Optional<Chain.Entry> entry = rs.getObject("municipality_id") == null ? Optional.empty()
                    : Optional.of(Chain.Entry.of(rs, 0));
            walk.step(position, entrySeq, linkHash, entry);
        }, municipalityId, head.basePosition());
        walk.end(head.position(), head.hash());
        long chained = walk.position - head.basePosition();
        long pending = Math.max(entries - walk.present, 0);
        return new Verification(walk.broken == null && walk.intact, entries, chained, pending, walk.broken, anchor);
    }

    /** The walk along the links, remembering the first that fails. */
    private final class Walk {

        long position;

        String previous;

        long present;

        @Nullable Long broken;

        boolean intact = true;

        final Anchors.@Nullable Anchor anchor;

        Walk(long basePosition, String baseHash, Anchors.@Nullable Anchor anchor) {
            this.position = basePosition;
            this.previous = baseHash;
            this.anchor = anchor;
        }

        void step(long linkPosition, long entrySeq, String linkHash, Optional<Chain.Entry> entry) {
            entry.ifPresent(e -> present++);
            boolean holds = linkPosition == position + 1 && entry.isPresent()
                    && linkHash.equals(chain.linkHash(previous, linkPosition, entry.get()));
            boolean anchored = anchor == null || anchor.position() != linkPosition || anchor.hash().equals(linkHash);
            if (broken == null && (!holds || !anchored)) {
                broken = entrySeq;
            }
            position = linkPosition;
            previous = linkHash;
        }

        void end(long headPosition, String headHash) {
            // links removed at the end, or fewer links than the last anchor saw
            if (headPosition != position || !headHash.equals(previous)
                    || (anchor != null && anchor.position() > position)) {
                intact = false;
            }
        }

    }

}
