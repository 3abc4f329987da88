package nl.meedoen.audit.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import nl.meedoen.audit.RetainedText;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free text of trajectories, plans and housing goes with retention, each module's
 * part in a municipality of its own: the dry run counts exactly the rows the run changes,
 * the texts are gone, dates and statuses stay, and what monitoring counts does not
 * change. A file closed recently and an open one keep everything.
 */
@MeedoenIntegrationTest
class FreeTextRetentionIntegrationTests {

    @Autowired
    Retention retention;

    @Autowired
    TestClock clock;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    JdbcTemplate owner;

    UUID municipality;

    LocalDate today;

    @BeforeEach
    void aMunicipalityOfItsOwn() {
        owner = new JdbcTemplate(ownerDataSource);
        municipality = UUID.randomUUID();
        owner.update("""
                insert into municipality (id, code, name)
                select ?, c::text, 'Tekstgemeente ' || c
                from generate_series(6000, 6999) c
                where c::text not in (select code from municipality)
                order by random() limit 1""", municipality);
        today = LocalDate.now(clock);
    }

    @Test
    void trajectoriesLoseTheirFreeTextAndKeepTheirDates() {
        UUID past = person(today.minusYears(3));
        UUID recent = person(today.minusMonths(3));
        UUID pastGuidance = guidance(past);
        guidance(recent);
        owner.update("insert into broad_intake (municipality_id, person_id, education_history, health_notes) "
                + "values (?, ?, 'Middelbare school', 'Rugklachten')", municipality, past);

        Map<String, Retention.Item> dryRun = byType(Tenancy.runAs(municipality, () -> retention.dryRun()));
        Map<String, Retention.Item> run = byType(Tenancy.runAs(municipality, () -> retention.run()));

        assertThat(run.get("trajectories.text")).isEqualTo(dryRun.get("trajectories.text"));
        // The guidance's handover reason, the request's reason and note, the intake.
        assertThat(dryRun.get("trajectories.text").count()).isEqualTo(3);
        assertThat(dryRun.get("trajectories.text").oldest()).isEqualTo(today.minusYears(3));
        Map<String, Object> guidance = owner.queryForMap("select * from guidance where id = ?", pastGuidance);
        assertThat(guidance.get("handover_reason")).isEqualTo(RetainedText.REMOVED);
        assertThat(guidance.get("status")).isEqualTo("CLOSED");
        assertThat(guidance.get("start_date").toString()).isEqualTo(today.minusYears(4).toString());
        Map<String, Object> request = owner
            .queryForMap("select * from guidance_extension_request where guidance_id = ?", pastGuidance);
        assertThat(request.get("reason")).isEqualTo(RetainedText.REMOVED);
        assertThat(request.get("decision_note")).isNull();
        assertThat(request.get("months")).isEqualTo(3);
        Map<String, Object> intake = owner.queryForMap("select * from broad_intake where person_id = ?", past);
        assertThat(intake.get("education_history")).isNull();
        assertThat(intake.get("health_notes")).isNull();
        assertThat(
                owner.queryForObject("select handover_reason from guidance where person_id = ?", String.class, recent))
            .isEqualTo("Verhuist naar familie");
        assertThat(owner.queryForObject("select count(*) from guidance where municipality_id = ? and status = 'CLOSED'",
                Long.class, municipality))
            .isEqualTo(2);
        assertThat(byType(Tenancy.runAs(municipality, () -> retention.dryRun())).get("trajectories.text").count())
            .isZero();
    }

    @Test
    void plansLoseTheirFreeTextAndKeepTheirReviewsAndDates() {
        UUID past = person(today.minusYears(3));
        UUID child = person(today.minusYears(3));
        UUID open = person(null);
        UUID plan = plan(past);
        plan(open);
        owner.update("insert into work_situation (municipality_id, person_id, paid_hours_per_week, route_to_work) "
                + "values (?, ?, 12, 'Werkfit-traject')", municipality, past);
        owner.update("insert into child_education (municipality_id, child_id, school, vve_indication) "
                + "values (?, ?, 'De Wilgen', true)", municipality, child);

        Map<String, Retention.Item> dryRun = byType(Tenancy.runAs(municipality, () -> retention.dryRun()));
        Map<String, Retention.Item> run = byType(Tenancy.runAs(municipality, () -> retention.run()));

        assertThat(run.get("plans.text")).isEqualTo(dryRun.get("plans.text"));
        // The review's notes, the work situation, the child's education.
        assertThat(dryRun.get("plans.text").count()).isEqualTo(3);
        Map<String, Object> review = owner.queryForMap("select * from plan_review where plan_id = ?", plan);
        assertThat(review.get("notes")).isEqualTo(RetainedText.REMOVED);
        assertThat(review.get("held_on").toString()).isEqualTo(today.minusYears(4).toString());
        Map<String, Object> work = owner.queryForMap("select * from work_situation where person_id = ?", past);
        assertThat(work.get("route_to_work")).isNull();
        assertThat(work.get("paid_hours_per_week").toString()).startsWith("12");
        Map<String, Object> education = owner.queryForMap("select * from child_education where child_id = ?", child);
        assertThat(education.get("school")).isNull();
        assertThat(education.get("vve_indication")).isEqualTo(true);
        assertThat(owner.queryForObject(
                "select notes from plan_review r join plan p on p.id = r.plan_id where p.person_id = ?", String.class,
                open))
            .isEqualTo("Gaat goed met de taalles");
        assertThat(owner.queryForObject("select count(*) from plan_review where municipality_id = ?", Long.class,
                municipality))
            .isEqualTo(2);
    }

    @Test
    void housingLosesItsNotesAndAddressesAndKeepsItsCounts() {
        UUID past = person(today.minusYears(3));
        UUID partner = person(today.minusYears(3));
        UUID match = UUID.randomUUID();
        LocalDate matched = today.minusYears(5);
        owner.update("""
                insert into housing_match (id, municipality_id, match_date, housing_deadline, move_deadline,
                    cancelled_on, cancel_reason, cancel_note)
                values (?, ?, ?, ?, ?, ?, 'OTHER', 'Woont bij een neef')""", match, municipality, matched,
                matched.plusWeeks(14), matched.plusWeeks(14), matched.plusWeeks(2));
        for (UUID person : List.of(past, partner)) {
            owner.update("insert into housing_match_person (municipality_id, match_id, person_id) values (?, ?, ?)",
                    municipality, match, person);
        }
        UUID placement = UUID.randomUUID();
        owner.update("insert into housing_placement (id, municipality_id, key_handover_date, address) "
                + "values (?, ?, ?, 'Dorpsstraat 1')", placement, municipality, matched.plusWeeks(10));
        owner.update("insert into housing_placement_person (municipality_id, placement_id, person_id) values (?, ?, ?)",
                municipality, placement, past);

        Map<String, Retention.Item> dryRun = byType(Tenancy.runAs(municipality, () -> retention.dryRun()));
        Map<String, Retention.Item> run = byType(Tenancy.runAs(municipality, () -> retention.run()));

        assertThat(run.get("housing.text")).isEqualTo(dryRun.get("housing.text"));
        // One match (of two persons, counted once) and one placement.
        assertThat(dryRun.get("housing.text").count()).isEqualTo(2);
        Map<String, Object> stored = owner.queryForMap("select * from housing_match where id = ?", match);
        assertThat(stored.get("cancel_note")).isEqualTo(RetainedText.REMOVED);
        assertThat(stored.get("cancel_reason")).isEqualTo("OTHER");
        assertThat(stored.get("match_date").toString()).isEqualTo(matched.toString());
        Map<String, Object> home = owner.queryForMap("select * from housing_placement where id = ?", placement);
        assertThat(home.get("address")).isNull();
        assertThat(home.get("key_handover_date").toString()).isEqualTo(matched.plusWeeks(10).toString());
        assertThat(owner.queryForObject("select count(*) from housing_placement_person where placement_id = ?",
                Long.class, placement))
            .isEqualTo(1);
    }

    private UUID person(LocalDate endedOn) {
        UUID id = UUID.randomUUID();
        String bsn = "8" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        owner.update("""
                insert into person (id, municipality_id, given_names, family_name, sort_name, date_of_birth, category,
                                    bsn, ended_on, end_reason, version)
                values (?, ?, 'Samir', 'Tekstbewaring', 'tekstbewaring samir', date '1980-06-15', 'PERMIT_HOLDER', ?,
                        ?, ?, 0)""", id, municipality, bsn, endedOn, endedOn == null ? null : "MOVED_AWAY");
        return id;
    }

    private UUID guidance(UUID person) {
        UUID id = UUID.randomUUID();
        LocalDate start = today.minusYears(4);
        owner.update("""
                insert into guidance (id, municipality_id, person_id, start_date, end_date, status, closed_on, handover,
                    handover_reason)
                values (?, ?, ?, ?, ?, 'CLOSED', ?, 'NO_FOLLOW_UP', 'Verhuist naar familie')""", id, municipality,
                person, start, start.plusMonths(6), start.plusMonths(6));
        owner.update("""
                insert into guidance_extension_request (id, municipality_id, guidance_id, months, reason, status,
                    requested_by, requested_at, decision_note)
                values (?, ?, ?, 3, 'Medische behandeling', 'REJECTED', ?, now(), 'Past in het lokale beleid')""",
                UUID.randomUUID(), municipality, id, UUID.randomUUID());
        return id;
    }

    private UUID plan(UUID person) {
        UUID id = UUID.randomUUID();
        LocalDate start = today.minusYears(4);
        owner.update(
                "insert into plan (id, municipality_id, person_id, started_on, started_by) values (?, ?, ?, ?, 'x')",
                id, municipality, person, start.minusMonths(1));
        owner.update("""
                insert into plan_review (id, municipality_id, plan_id, held_on, notes, next_review_due, recorded_by)
                values (?, ?, ?, ?, 'Gaat goed met de taalles', ?, 'x')""", UUID.randomUUID(), municipality, id, start,
                start.plusMonths(3));
        return id;
    }

    private static Map<String, Retention.Item> byType(List<Retention.Item> items) {
        return items.stream().collect(Collectors.toMap(Retention.Item::recordType, item -> item));
    }

}
