package nl.meedoen.audit.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention in a municipality of its own: the dry run lists exactly what the run then
 * anonymises or removes, anonymised persons still count, and the log drops its oldest
 * entries without breaking its chain.
 */
@MeedoenIntegrationTest
class RetentionIntegrationTests {

    @Autowired
    Retention retention;

    @Autowired
    ChainVerification verification;

    @Autowired
    AuditLog audit;

    @Autowired
    TestClock clock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

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
                select ?, c::text, 'Bewaargemeente ' || c
                from generate_series(6000, 6999) c
                where c::text not in (select code from municipality)
                order by random() limit 1""", municipality);
    }

    UUID person(String family, LocalDate endedOn) {
        UUID id = UUID.randomUUID();
        String bsn = "8" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        owner.update("""
                insert into person (id, municipality_id, given_names, family_name, sort_name, date_of_birth, category,
                                    bsn, phone, email, street, city, ended_on, end_reason, version)
                values (?, ?, 'Samir', ?, lower(?), date '1980-06-15', 'PERMIT_HOLDER', ?, '0612345678',
                        's@example.org', 'Dorpsstraat', 'Sliedrecht', ?, ?, 0)""", id, municipality, family, family,
                bsn, endedOn, endedOn == null ? null : "MOVED_AWAY");
        owner.update("""
                insert into person_contact (id, municipality_id, person_id, kind, name, note)
                values (?, ?, ?, 'FAMILY', 'Broer van ' || ?, 'belt op zondag')""", UUID.randomUUID(), municipality, id,
                family);
        return id;
    }

    Map<String, Retention.Item> byType(List<Retention.Item> items) {
        return items.stream().collect(Collectors.toMap(Retention.Item::recordType, item -> item));
    }

    @Test
    void theRunRemovesExactlyWhatTheDryRunListedAndAnonymisedPersonsStillCount() {
        LocalDate today = LocalDate.now(clock);
        LocalDate longAgo = today.minusYears(6);
        UUID past = person("Bewaarverlopen", longAgo);
        UUID recent = person("Bewaarrecent", today.minusMonths(2));
        UUID open = person("Bewaaropen", null);

        List<Retention.Item> dryRun = Tenancy.runAs(municipality, () -> retention.dryRun());
        List<Retention.Item> run = Tenancy.runAs(municipality, () -> retention.run());

        assertThat(run).isEqualTo(dryRun);
        Map<String, Retention.Item> listed = byType(dryRun);
        assertThat(listed.get("residents.person").count()).isEqualTo(1);
        assertThat(listed.get("residents.person").oldest()).isEqualTo(longAgo);
        assertThat(listed.get("network.contact").count()).isEqualTo(1);
        assertThat(byType(Tenancy.runAs(municipality, () -> retention.dryRun())).values())
            .allSatisfy(item -> assertThat(item.count()).isZero());

        Map<String, Object> anonymised = owner.queryForMap("select * from person where id = ?", past);
        assertThat(anonymised.get("family_name")).isEqualTo("Geanonimiseerd");
        assertThat(anonymised.get("bsn")).isNull();
        assertThat(anonymised.get("phone")).isNull();
        assertThat(anonymised.get("email")).isNull();
        assertThat(anonymised.get("street")).isNull();
        assertThat(anonymised.get("category")).isEqualTo("PERMIT_HOLDER");
        assertThat(anonymised.get("date_of_birth").toString()).isEqualTo("1980-01-01");
        assertThat(anonymised.get("ended_on").toString()).isEqualTo(longAgo.toString());
        assertThat(owner.queryForObject("select count(*) from person_contact where person_id = ?", Long.class, past))
            .isZero();
        assertThat(owner.queryForObject("select family_name from person where id = ?", String.class, recent))
            .isEqualTo("Bewaarrecent");
        assertThat(owner.queryForObject("select count(*) from person_contact where person_id in (?, ?)", Long.class,
                recent, open))
            .isEqualTo(2);
        assertThat(owner.queryForObject(
                "select count(*) from person where municipality_id = ? and category = 'PERMIT_HOLDER'", Long.class,
                municipality))
            .isEqualTo(3);
        assertThat(owner.queryForList("select action from audit_entry where municipality_id = ? and person_id = ?",
                String.class, municipality, past))
            .containsExactly(AuditAction.RETENTION.name());
        assertThat(owner.queryForObject("select count(*) from retention_run where municipality_id = ?", Long.class,
                municipality))
            .isEqualTo(1);
    }

    @Test
    void theLogDropsItsOldestEntriesAndItsChainStaysValid() {
        try (var day = clock.fixedAt(LocalDate.now(clock).minusYears(8))) {
            writeEntries(6);
        }
        writeEntries(4);
        Tenancy.runAs(municipality, () -> verification.verify());

        Retention.Item due = byType(Tenancy.runAs(municipality, () -> retention.dryRun())).get("audit.log");
        Retention.Item went = byType(Tenancy.runAs(municipality, () -> retention.run())).get("audit.log");

        assertThat(due.count()).isEqualTo(6);
        assertThat(went).isEqualTo(due);
        ChainVerification.Verification after = Tenancy.runAs(municipality, () -> verification.verify());
        assertThat(after.valid()).isTrue();
        assertThat(after.entries()).isEqualTo(4);
        assertThat(after.chained()).isEqualTo(4);
    }

    @Test
    void onlyAdministratorsAndPrivacyOfficersSeeTheDryRun() {
        assertThat(Api.as(mvc, "privacy")
            .get("/api/v1/retention/dry-run")
            .body()
            .get("items")
            .findValuesAsString("recordType")).contains("residents.person", "network.contact", "referrals.reason",
                    "audit.log", "platform.event_publication");
        assertThat(Api.as(mvc, "beheerder").get("/api/v1/retention/dry-run").status()).isEqualTo(200);
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/retention/dry-run").status()).isEqualTo(403);
        assertThat(Api.as(mvc, "begeleider").post("/api/v1/retention/runs", "{}").status()).isEqualTo(403);
    }

    void writeEntries(int count) {
        Tenancy.runAs(municipality, () -> transactions.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                audit.record(AuditAction.UPDATE, UUID.randomUUID());
            }
        }));
    }

}
