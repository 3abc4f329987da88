package nl.meedoen.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import nl.meedoen.audit.internal.Retention;
import nl.meedoen.exchange.PartnerFixtures.Referral;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.TestClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attendance partners report is the person's data like any other: it is in the
 * subject-access export with the partner's name, each report in the processing log as the
 * partner's; retention removes it (and the COA remarks) two years after the file closed,
 * the dry run counting exactly what the run removes, and a file closed recently keeps it.
 */
@MeedoenIntegrationTest
class PartnerReportPrivacyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Autowired
    Retention retention;

    @Autowired
    TestClock clock;

    PartnerFixtures given;

    JdbcTemplate owner;

    @BeforeEach
    void fixtures() {
        given = new PartnerFixtures(mvc, ownerDataSource);
        owner = new JdbcTemplate(ownerDataSource);
    }

    @Test
    void theSubjectAccessExportHoldsTheAttendanceAndThePartnersReportsInTheLog() {
        Referral referral = given.activeReferral();
        LocalDate day = LocalDate.now(clock).minusDays(2);
        assertThat(given.attendance(referral, day, false, true).status()).isEqualTo(201);

        Api.Response answer = Api.as(mvc, "privacy")
            .get("/api/v1/persons/" + referral.person() + "/subject-access-export?format=json");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode attendance = section(answer.body(), "exchange.attendance").get("records");
        assertThat(attendance).hasSize(1);
        assertThat(attendance.get(0).get("session_on").asString()).isEqualTo(day.toString());
        assertThat(attendance.get(0).get("present").asBoolean()).isFalse();
        assertThat(attendance.get(0).get("notified").asBoolean()).isTrue();
        assertThat(attendance.get(0).get("partner").asString()).isEqualTo("Taalschool De Brug");
        assertThat(attendance.get(0).get("referral_id").asString()).isEqualTo(referral.id());
        boolean loggedAsThePartners = false;
        for (JsonNode access : answer.body().get("accesses")) {
            loggedAsThePartners |= access.get("action").asString().equals("PARTNER_REPORT")
                    && access.get("actor").asString().equals("partner");
        }
        assertThat(loggedAsThePartners).isTrue();
    }

    @Test
    void retentionRemovesTheAttendanceAndTheRemarksOfAFileClosedMoreThanTwoYearsAgo() {
        UUID municipality = municipality();
        LocalDate today = LocalDate.now(clock);
        UUID past = person(municipality, today.minusYears(3));
        UUID recent = person(municipality, today.minusMonths(6));
        UUID open = person(municipality, null);
        for (UUID person : List.of(past, recent, open)) {
            attendance(municipality, person, today.minusYears(4), true);
            attendance(municipality, person, today.minusYears(4).plusDays(7), false);
        }
        UUID coaImport = UUID.randomUUID();
        owner.update("""
                insert into coa_import (id, municipality_id, uploaded_by, file_name, file_sha256, rows_total,
                    rows_error, status, confirmed_at)
                values (?, ?, ?, 'koppellijst.csv', repeat('a', 64), 1, 0, 'CONFIRMED', now())""", coaImport,
                municipality, UUID.randomUUID());
        owner.update("""
                insert into coa_remark (municipality_id, person_id, remark, import_id, recorded_on)
                values (?, ?, 'Diabetes; wil lassen', ?, ?)""", municipality, past, coaImport, today.minusYears(4));

        Map<String, Retention.Item> dryRun = byType(Tenancy.runAs(municipality, () -> retention.dryRun()));
        Map<String, Retention.Item> run = byType(Tenancy.runAs(municipality, () -> retention.run()));

        assertThat(dryRun.get("exchange.attendance").count()).isEqualTo(2);
        assertThat(dryRun.get("exchange.attendance").oldest()).isEqualTo(today.minusYears(3));
        assertThat(run.get("exchange.attendance")).isEqualTo(dryRun.get("exchange.attendance"));
        assertThat(dryRun.get("exchange.coa_remark").count()).isEqualTo(1);
        assertThat(run.get("exchange.coa_remark")).isEqualTo(dryRun.get("exchange.coa_remark"));
        assertThat(count("partner_attendance", past)).isZero();
        assertThat(count("coa_remark", past)).isZero();
        assertThat(count("partner_attendance", recent)).isEqualTo(2);
        assertThat(count("partner_attendance", open)).isEqualTo(2);
        assertThat(owner.queryForObject("select count(*) from audit_entry where person_id = ? and action = 'RETENTION'",
                Long.class, past))
            .isEqualTo(1);
        assertThat(byType(Tenancy.runAs(municipality, () -> retention.dryRun())).get("exchange.attendance").count())
            .isZero();
    }

    private long count(String table, UUID person) {
        Long count = owner.queryForObject("select count(*) from " + table + " where person_id = ?", Long.class, person);
        return count == null ? 0 : count;
    }

    private UUID municipality() {
        UUID id = UUID.randomUUID();
        owner.update("""
                insert into municipality (id, code, name)
                select ?, c::text, 'Partnergemeente ' || c
                from generate_series(7000, 7999) c
                where c::text not in (select code from municipality)
                order by random() limit 1""", id);
        return id;
    }

    private UUID person(UUID municipality, @Nullable LocalDate endedOn) {
        UUID id = UUID.randomUUID();
        String bsn = "7" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        owner.update("""
                insert into person (id, municipality_id, given_names, family_name, sort_name, date_of_birth, category,
                                    bsn, ended_on, end_reason, version)
                values (?, ?, 'Amal', 'Lesbewaring', 'lesbewaring amal', date '1990-03-01', 'PERMIT_HOLDER', ?,
                        ?, ?, 0)""", id, municipality, bsn, endedOn, endedOn == null ? null : "MOVED_AWAY");
        return id;
    }

    private void attendance(UUID municipality, UUID person, LocalDate day, boolean present) {
        owner.update("""
                insert into partner_attendance (id, municipality_id, referral_id, partner_id, person_id, session_on,
                    present, notified, reported_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), municipality, UUID.randomUUID(),
                UUID.randomUUID(), person, day, present, present ? null : false, UUID.randomUUID());
    }

    private static JsonNode section(JsonNode export, String key) {
        for (JsonNode section : export.get("sections")) {
            if (section.get("key").asString().equals(key)) {
                return section;
            }
        }
        throw new AssertionError("no section " + key + " in " + export.get("sections").findValuesAsString("key"));
    }

    private static Map<String, Retention.Item> byType(List<Retention.Item> items) {
        return items.stream().collect(Collectors.toMap(Retention.Item::recordType, item -> item));
    }

}
