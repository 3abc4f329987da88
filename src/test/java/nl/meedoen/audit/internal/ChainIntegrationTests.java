package nl.meedoen.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The keyed chain of the processing log: appends never wait on each other, the
 * verification tells the truth while they go on, and tampering shows at the entry. Each
 * test works in a municipality of its own, so tampering there disturbs no other test.
 */
@MeedoenIntegrationTest
class ChainIntegrationTests {

    @Autowired
    AuditLog audit;

    @Autowired
    Chain chain;

    @Autowired
    ChainVerification verification;

    @Autowired
    Anchors anchors;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    JdbcTemplate owner;

    UUID municipality;

    @BeforeEach
    void aMunicipalityOfItsOwn() {
        owner = new JdbcTemplate(ownerDataSource);
        municipality = UUID.randomUUID();
        owner.update("""
                insert into municipality (id, code, name)
                select ?, c::text, 'Ketengemeente ' || c
                from generate_series(7000, 7999) c
                where c::text not in (select code from municipality)
                order by random() limit 1""", municipality);
    }

    void write(int entries) {
        Tenancy.runAs(municipality, () -> transactions.executeWithoutResult(status -> {
            for (int i = 0; i < entries; i++) {
                audit.record(AuditAction.UPDATE, UUID.randomUUID());
            }
        }));
    }

    ChainVerification.Verification verify() {
        return Tenancy.runAs(municipality, () -> verification.verify());
    }

    long seqOfEntry(int index) {
        return owner.queryForObject(
                "select seq from audit_entry where municipality_id = ? order by seq offset ? limit 1", Long.class,
                municipality, index);
    }

    @Test
    void entriesAreChainedAndTheVerificationCountsThem() {
        write(12);

        ChainVerification.Verification result = verify();

        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isEqualTo(12);
        assertThat(result.chained()).isEqualTo(12);
        assertThat(result.pending()).isZero();
        assertThat(result.firstBrokenEntry()).isNull();
    }

    @Test
    void entriesNotLinkedYetArePendingNotBroken() {
        write(5);
        Tenancy.runAs(municipality, () -> chain.link());
        write(3);

        ChainVerification.Verification result = Tenancy.runAs(municipality, () -> verification.verifyAsItIs());

        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isEqualTo(8);
        assertThat(result.chained()).isEqualTo(5);
        assertThat(result.pending()).isEqualTo(3);
    }

    @Test
    void aChangedEntryFailsTheVerificationAtThatEntry() {
        write(10);
        verify();
        long changed = seqOfEntry(6);

        tamper("update audit_entry set purpose = 'iets anders' where municipality_id = ? and seq = ?", changed);

        ChainVerification.Verification result = verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenEntry()).isEqualTo(changed);
    }

    @Test
    void aRemovedEntryFailsTheVerificationAtThatEntry() {
        write(10);
        verify();
        long removed = seqOfEntry(3);

        tamper("delete from audit_entry where municipality_id = ? and seq = ?", removed);

        ChainVerification.Verification result = verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenEntry()).isEqualTo(removed);
    }

    @Test
    void aRemovedLinkFailsTheVerificationAtTheNextEntry() {
        write(10);
        verify();
        long next = seqOfEntry(5);

        tamper("delete from audit_link where municipality_id = ? and entry_seq = ?", seqOfEntry(4));

        ChainVerification.Verification result = verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenEntry()).isEqualTo(next);
    }

    @Test
    void aChainRewrittenWithTheKeyIsCaughtByTheLastAnchor() {
        write(10);
        Anchors.Anchor anchor = Tenancy.runAs(municipality, () -> anchors.anchor());
        write(4);
        long changed = seqOfEntry(2);
        long anchored = owner.queryForObject(
                "select entry_seq from audit_link where municipality_id = ? and link_seq = ?", Long.class, municipality,
                anchor.position());

        // Someone with the key and the owner's rights changes an entry and links the
        // whole log again.
        owner.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
        owner.execute("alter table audit_link disable trigger audit_link_no_update_or_delete");
        try {
            owner.update("update audit_entry set actor = 'iemand-anders' where municipality_id = ? and seq = ?",
                    municipality, changed);
            owner.update("delete from audit_link where municipality_id = ?", municipality);
            owner.update("delete from audit_head where municipality_id = ?", municipality);
        }
        finally {
            owner.execute("alter table audit_link enable trigger audit_link_no_update_or_delete");
            owner.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
        }
        Tenancy.runAs(municipality, () -> chain.link());

        ChainVerification.Verification result = verify();
        assertThat(result.chained()).isEqualTo(14);
        assertThat(result.anchor()).isEqualTo(anchor);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenEntry()).isEqualTo(anchored);
    }

    @Test
    void theVerificationIsValidEveryTimeDuringAThousandConcurrentWrites() throws Exception {
        write(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<ChainVerification.Verification> results = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(16);
        try {
            CompletableFuture<?>[] writes = IntStream.range(0, 1000)
                .mapToObj(i -> CompletableFuture.runAsync(
                        // a request that reads for a few milliseconds after logging, as a
                        // handler does
                        () -> Tenancy.runAs(municipality, () -> transactions.executeWithoutResult(status -> {
                            audit.read(AuditAction.READ, UUID.randomUUID());
                            jdbc.execute("select pg_sleep(0.02)");
                        })), writers))
                .toArray(CompletableFuture[]::new);
            CompletableFuture<Void> done = CompletableFuture.allOf(writes)
                .whenComplete((ok, failure) -> writing.set(false));
            while (writing.get()) {
                results.add(verify());
                Thread.sleep(ThreadLocalRandom.current().nextInt(5));
            }
            done.join();
        }
        finally {
            writers.shutdown();
        }

        assertThat(results).isNotEmpty().allSatisfy(result -> {
            assertThat(result.valid()).isTrue();
            assertThat(result.firstBrokenEntry()).isNull();
            assertThat(result.chained() + result.pending()).isEqualTo(result.entries());
        });
        // at least one verification ran while the writes went on
        assertThat(results).anySatisfy(
                result -> assertThat(result.entries() < 1001 || result.pending() > 0).as("seen mid-load").isTrue());
        ChainVerification.Verification after = verify();
        assertThat(after.valid()).isTrue();
        assertThat(after.entries()).isEqualTo(1001);
        assertThat(after.chained()).isEqualTo(1001);
    }

    @Test
    void theApplicationRoleCannotWriteLinksOrTheHead() {
        write(3);
        verify();

        Tenancy.runAs(municipality, () -> {
            assertThatThrownBy(() -> jdbc.update("update audit_link set hash = repeat('1', 64)"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.update("delete from audit_head")).isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.update(
                    "insert into audit_link (municipality_id, link_seq, entry_seq, hash) values (?, 99, 1, repeat('1', 64))",
                    municipality))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        });
        assertThatThrownBy(() -> owner.update("delete from audit_link where municipality_id = ?", municipality))
            .isInstanceOf(DataAccessException.class)
            .hasMessageContaining("append-only");
        assertThat(verify().valid()).isTrue();
    }

    void tamper(String sql, long seq) {
        owner.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
        owner.execute("alter table audit_link disable trigger audit_link_no_update_or_delete");
        try {
            owner.update(sql, municipality, seq);
        }
        finally {
            owner.execute("alter table audit_link enable trigger audit_link_no_update_or_delete");
            owner.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
        }
    }

}
