package nl.meedoen.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.monitoring.internal.Figure;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.monitoring.internal.IndicatorAggregates;
import nl.meedoen.monitoring.internal.IndicatorEngine;
import nl.meedoen.monitoring.internal.Monitor;
import nl.meedoen.monitoring.internal.Suppression;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every indicator on a small hand-made municipality of its own, with known answers for
 * 2025-H1 and the period before; then the same figures suppressed as a policy officer
 * sees them, and unsuppressed for one team; the maintained aggregates give the same
 * figures, and the national sum adds them up over the municipalities.
 */
@MeedoenIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsIntegrationTests {

    static final MonitoringPeriod PERIOD = MonitoringPeriod.parse("2025-H1");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndicatorEngine engine;

    @Autowired
    Monitor monitor;

    @Autowired
    IndicatorAggregates aggregates;

    @Autowired
    Municipalities municipalities;

    @Autowired
    Clock clock;

    final UUID town = UUID.randomUUID();

    final UUID team = UUID.randomUUID();

    final UUID otherTeam = UUID.randomUUID();

    int numbers;

    void sql(String sql, Object... params) {
        Map<String, Object> named = new HashMap<>();
        named.put("m", town);
        for (int i = 0; i < params.length; i += 2) {
            named.put((String) params[i], params[i + 1]);
        }
        Tenancy.runAs(town, () -> jdbc.sql(sql).params(named).update());
    }

    UUID person(UUID inTeam) {
        UUID id = UUID.randomUUID();
        numbers++;
        sql("""
                insert into person (id, municipality_id, team_id, given_names, family_name, sort_name, date_of_birth,
                    category, v_number, version, registration_date)
                values (:id, :m, :t, 'Proef', 'Persoon', 'persoon proef', date '1990-01-01', 'PERMIT_HOLDER', :v, 0,
                    date '2024-01-01')""", "id", id, "t", inTeam, "v", String.format("99%08d", numbers));
        return id;
    }

    void housed(UUID person, LocalDate match, LocalDate key) {
        UUID matchId = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        sql("""
                insert into housing_match (id, municipality_id, match_date, housing_deadline, move_deadline)
                values (:id, :m, :d, :d + 70, :d + 84)""", "id", matchId, "d", match);
        sql("insert into housing_match_person (municipality_id, match_id, person_id) values (:m, :id, :p)", "id",
                matchId, "p", person);
        sql("insert into housing_placement (id, municipality_id, key_handover_date) values (:id, :m, :d)", "id",
                placement, "d", key);
        sql("insert into housing_placement_person (municipality_id, placement_id, person_id) values (:m, :id, :p)",
                "id", placement, "p", person);
    }

    @BeforeAll
    void aSmallMunicipality() {
        jdbc.sql("insert into municipality (id, code, name) values (:id, '9901', 'Proefdorp')")
            .param("id", town)
            .update();
        Tenancy.runAs(town, () -> {
            jdbc.sql("insert into team (id, municipality_id, name) values (:id, :m, 'Noord'), (:o, :m, 'Zuid')")
                .param("id", team)
                .param("o", otherTeam)
                .param("m", town)
                .update();
        });
        sql("insert into housing_quota (municipality_id, period, official, source) values (:m, '2025-H1', 20, 'test'), "
                + "(:m, '2025-H2', 8, 'test')");
        LocalDate match = LocalDate.of(2025, 1, 2);
        for (int i = 1; i <= 6; i++) {
            UUID person = person(team);
            // 10, 20, …, 60 days from match to key: average 35, median 35
            housed(person, match, match.plusDays(10L * i));
            sql("""
                    insert into guidance (id, municipality_id, person_id, start_date, end_date, status)
                    values (:id, :m, :p, date '2025-01-10', date '2025-10-10', 'ACTIVE')""", "id", UUID.randomUUID(),
                    "p", person);
            sql("""
                    insert into integration_duty (municipality_id, person_id, regime, duo_notice_date,
                        brp_registration_date, plan_due_date, plan_adopted_on, route, integration_period_end)
                    values (:m, :p, 'WI2021', date '2025-01-05', date '2025-01-05', date '2025-03-16', :adopted, :route,
                        date '2025-09-01')""", "p", person, "adopted",
                    i <= 5 ? LocalDate.of(2025, 3, 1) : LocalDate.of(2025, 4, 1), "route", i <= 4 ? "B1" : "Z");
            sql("""
                    insert into plan (id, municipality_id, person_id, started_on, started_by)
                    values (:id, :m, :p, date '2025-01-15', 'test')""", "id", UUID.randomUUID(), "p", person);
            sql("""
                    insert into language_level (id, municipality_id, person_id, skill, level, assessed_on, source)
                    values (:id, :m, :p, 'READING', :level, date '2025-05-01', 'TEST')""", "id", UUID.randomUUID(), "p",
                    person, "level", i <= 3 ? "B1" : "A2");
            sql("""
                    insert into income_period (id, municipality_id, person_id, source, starts_on)
                    values (:id, :m, :p, :source, date '2025-02-01')""", "id", UUID.randomUUID(), "p", person, "source",
                    i == 1 ? "WAGES" : "SOCIAL_ASSISTANCE");
        }
        UUID earlier = person(otherTeam);
        housed(earlier, LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 1));
    }

    Map<String, Suppression.Raw> raw(MonitoringPeriod period, UUID inTeam) {
        Map<String, Suppression.Raw> byCode = new HashMap<>();
        Tenancy.runAs(town, () -> engine.compute(period, inTeam).forEach(r -> byCode.put(r.code(), r)));
        return byCode;
    }

    static void is(Map<String, Suppression.Raw> raws, String code, String amount, long persons) {
        assertThat(raws.get(code).amount()).as(code).isEqualByComparingTo(amount);
        assertThat(raws.get(code).persons()).as(code + " persons").isEqualTo(persons);
    }

    @Test
    void everyIndicatorHasItsKnownAnswer() {
        Map<String, Suppression.Raw> raws = raw(PERIOD, null);
        is(raws, "HOUSING_QUOTA", "20", 0);
        is(raws, "HOUSING_HOUSED", "6", 6);
        is(raws, "HOUSING_DAYS_AVERAGE", "35", 6);
        is(raws, "HOUSING_DAYS_MEDIAN", "35", 6);
        is(raws, "GUIDANCE_ACTIVE", "6", 6);
        is(raws, "GUIDANCE_EXTENDED_SHARE", "0", 6);
        is(raws, "PIP_ADOPTED", "6", 6);
        is(raws, "PIP_ON_TIME_SHARE", "5", 6);
        is(raws, "ROUTE_B1", "4", 4);
        is(raws, "ROUTE_Z", "2", 2);
        is(raws, "ROUTE_ONDERWIJS", "0", 0);
        is(raws, "INTEGRATION_PERIOD_ENDING", "6", 6);
        is(raws, "LANGUAGE_B1_READING", "3", 6);
        is(raws, "LANGUAGE_A2_READING", "3", 6);
        is(raws, "LANGUAGE_B1_SPEAKING", "0", 0);
        is(raws, "PAID_WORK_SHARE", "1", 6);
        is(raws, "SOCIAL_ASSISTANCE_SHARE", "5", 6);
        is(raws, "EDUCATION_SHARE", "0", 6);
        is(raws, "NETWORK_CONTACTS_AVERAGE", "0", 7);
        is(raws, "NO_NETWORK_CONTACT_SHARE", "7", 7);
        for (String none : List.of("PVT_COMPLETED", "ROUTE_SWITCHES", "ROUTE_STEP_DOWNS", "EXEMPTIONS", "FINES_DECIDED",
                "NT2_HOURS", "BUDDY_PERSONS", "VOLUNTEERING", "REFERRALS_SENT", "REFERRALS_COMPLETED", "SIGNALS_OPEN",
                "ISOLATION_RISK")) {
            is(raws, none, "0", 0);
        }
        Map<String, Suppression.Raw> before = raw(PERIOD.previous(), null);
        is(before, "HOUSING_HOUSED", "1", 1);
        is(before, "HOUSING_QUOTA", "0", 0);
        is(raw(MonitoringPeriod.parse("2025"), null), "HOUSING_QUOTA", "28", 0);
    }

    @Test
    void aTeamSeesItsOwnCaseload() {
        Map<String, Suppression.Raw> other = raw(PERIOD.previous(), otherTeam);
        is(other, "HOUSING_HOUSED", "1", 1);
        is(raw(PERIOD, otherTeam), "HOUSING_HOUSED", "0", 0);
        is(raw(PERIOD.previous(), team), "HOUSING_HOUSED", "0", 0);
    }

    Map<String, Figure> shown(Monitor.Scope scope) {
        Map<String, Figure> byCode = new HashMap<>();
        Tenancy.runAs(town, () -> monitor.sheet(PERIOD, scope).lines().forEach(l -> byCode.put(l.code(), l.figure())));
        return byCode;
    }

    @Test
    void thePolicyOfficerSeesNoSmallNumbers() {
        Map<String, Figure> figures = shown(Monitor.Scope.municipality());
        assertThat(figures.get("HOUSING_HOUSED").value()).isEqualByComparingTo(BigDecimal.valueOf(6));
        assertThat(figures.get("HOUSING_DAYS_MEDIAN").value()).isEqualByComparingTo("35.0");
        // 2 on the Z route and 0 on the education route are suppressed; together they
        // hold 2, below 5, so the
        // 4 on the B1 route goes too (it is below 5 itself as well)
        assertThat(figures.get("ROUTE_Z").suppressed()).isTrue();
        assertThat(figures.get("ROUTE_ONDERWIJS").suppressed()).isTrue();
        assertThat(figures.get("ROUTE_B1").suppressed()).isTrue();
        // 1 in 6 in paid work, 5 in 6 on assistance (1 not): both give a single person
        // away
        assertThat(figures.get("PAID_WORK_SHARE").suppressed()).isTrue();
        assertThat(figures.get("SOCIAL_ASSISTANCE_SHARE").suppressed()).isTrue();
        assertThat(figures.get("HOUSING_QUOTA").value()).isEqualByComparingTo("20");
        for (Figure figure : figures.values()) {
            if (figure.measure() == Indicator.Measure.COUNT && !figure.suppressed()) {
                assertThat(figure.value()).as(figure.code()).isGreaterThanOrEqualTo(BigDecimal.valueOf(5));
            }
        }
        Map<String, Figure> team = shown(new Monitor.Scope(this.team));
        assertThat(team.get("ROUTE_Z").value()).isEqualByComparingTo("2");
        assertThat(team.get("PAID_WORK_SHARE").value()).isEqualByComparingTo("16.7");
    }

    /** No municipality keeps stored aggregates, so every other test sees live figures. */
    void noStoredAggregates() {
        for (Municipality municipality : municipalities.all()) {
            Tenancy.runAs(municipality.id(),
                    () -> jdbc.sql("delete from indicator_aggregate where municipality_id = :m")
                        .param("m", municipality.id())
                        .update());
        }
    }

    @Test
    void theStoredAggregatesGiveTheFiguresOfTheLiveEngine() {
        List<MonitoringPeriod> kept = aggregates.kept(LocalDate.now(clock));
        assertThat(kept).contains(PERIOD, PERIOD.previous(), MonitoringPeriod.parse("2025"));
        Map<String, Figure> liveSheet = shown(Monitor.Scope.municipality());
        assertThat(Tenancy.runAs(town, () -> monitor.sheet(PERIOD, Monitor.Scope.municipality()).updatedAt())).isNull();
        try {
            IndicatorAggregates.Refresh refresh = Tenancy.runAs(town,
                    () -> aggregates.refreshCurrent(IndicatorAggregates.Trigger.ADMIN));
            assertThat(refresh.scopes()).isEqualTo(3);
            assertThat(refresh.periods()).isEqualTo(kept.size());
            for (UUID scope : java.util.Arrays.asList(null, team, otherTeam)) {
                List<List<Suppression.Raw>> live = Tenancy.runAs(town, () -> engine.compute(kept, scope));
                Map<MonitoringPeriod, IndicatorAggregates.Stored> stored = Tenancy.runAs(town,
                        () -> aggregates.fresh(kept, scope));
                assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(kept);
                for (int p = 0; p < kept.size(); p++) {
                    List<Suppression.Raw> fromTable = stored.get(kept.get(p)).raws();
                    assertThat(fromTable).as(kept.get(p) + " " + scope).hasSameSizeAs(live.get(p));
                    for (int i = 0; i < fromTable.size(); i++) {
                        Suppression.Raw expected = live.get(p).get(i);
                        assertThat(fromTable.get(i).code()).isEqualTo(expected.code());
                        assertThat(fromTable.get(i).amount()).as(expected.code() + " " + kept.get(p))
                            .isEqualByComparingTo(expected.amount());
                        assertThat(fromTable.get(i).persons()).as(expected.code() + " " + kept.get(p))
                            .isEqualTo(expected.persons());
                    }
                }
            }
            is(stored(PERIOD, null), "HOUSING_HOUSED", "6", 6);
            is(stored(PERIOD.previous(), otherTeam), "HOUSING_HOUSED", "1", 1);
            Monitor.Sheet sheet = Tenancy.runAs(town, () -> monitor.sheet(PERIOD, Monitor.Scope.municipality()));
            assertThat(sheet.updatedAt()).isEqualTo(refresh.computedAt());
            // suppression still applies on read: the sheet from the table is the live one
            Map<String, Figure> fromTable = shown(Monitor.Scope.municipality());
            assertThat(fromTable).isEqualTo(liveSheet);
            assertThat(fromTable.get("ROUTE_Z").suppressed()).isTrue();
            assertThat(shown(new Monitor.Scope(team)).get("ROUTE_Z").value()).isEqualByComparingTo("2");
        }
        finally {
            noStoredAggregates();
        }
    }

    @Test
    void twoRefreshesOfOneMunicipalityAtOnceBothSucceed() throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(
                    () -> Tenancy.runAs(town, () -> aggregates.refreshCurrent(IndicatorAggregates.Trigger.NIGHTLY)));
            var second = two
                .submit(() -> Tenancy.runAs(town, () -> aggregates.refreshCurrent(IndicatorAggregates.Trigger.ADMIN)));
            assertThat(first.get().scopes()).isEqualTo(3);
            assertThat(second.get().scopes()).isEqualTo(3);
            is(stored(PERIOD, null), "HOUSING_HOUSED", "6", 6);
        }
        finally {
            two.shutdown();
            noStoredAggregates();
        }
    }

    Map<String, Suppression.Raw> stored(MonitoringPeriod period, UUID scope) {
        Map<String, Suppression.Raw> byCode = new HashMap<>();
        Tenancy.runAs(town,
                () -> aggregates.fresh(List.of(period), scope)
                    .get(period)
                    .raws()
                    .forEach(r -> byCode.put(r.code(), r)));
        return byCode;
    }

    @Test
    void aStaleAggregateIsNotShownButComputedLive() {
        try {
            Tenancy.runAs(town, () -> aggregates.refreshCurrent(IndicatorAggregates.Trigger.ADMIN));
            Tenancy.runAs(town,
                    () -> jdbc
                        .sql("update indicator_aggregate set computed_at = now() - interval '37 hours', "
                                + "amount = amount + 100 where municipality_id = :m")
                        .param("m", town)
                        .update());
            assertThat(Tenancy.runAs(town, () -> aggregates.fresh(List.of(PERIOD), null))).isEmpty();
            Monitor.Sheet sheet = Tenancy.runAs(town, () -> monitor.sheet(PERIOD, Monitor.Scope.municipality()));
            assertThat(sheet.updatedAt()).isNull();
            assertThat(shown(Monitor.Scope.municipality()).get("HOUSING_HOUSED").value())
                .isEqualByComparingTo(BigDecimal.valueOf(6));
        }
        finally {
            noStoredAggregates();
        }
    }

    @Test
    void theNationalSumAddsUpTheMunicipalitiesAndIsSuppressed() {
        UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        try {
            noStoredAggregates();
            assertThat(Tenancy.runAs(town, () -> aggregates.national(PERIOD))).isEmpty();
            Tenancy.runAs(town, () -> aggregates.refreshCurrent(IndicatorAggregates.Trigger.ADMIN));
            Map<String, IndicatorAggregates.National> alone = national();
            assertThat(alone.get("HOUSING_HOUSED").municipalities()).isEqualTo(1);
            assertThat(alone.get("HOUSING_HOUSED").raw().amount()).isEqualByComparingTo("6");
            assertThat(alone.get("HOUSING_DAYS_AVERAGE").raw().amount()).isEqualByComparingTo("35");
            // a median cannot be summed
            assertThat(alone).doesNotContainKey("HOUSING_DAYS_MEDIAN");
            List<Figure> suppressed = Suppression.apply(alone.values().stream().map(n -> n.raw()).toList(), 5);
            assertThat(suppressed).filteredOn(f -> f.code().equals("ROUTE_Z")).allMatch(Figure::suppressed);

            Tenancy.runAs(sliedrecht, () -> aggregates.refreshCurrent(IndicatorAggregates.Trigger.ADMIN));
            Map<String, Suppression.Raw> demo = new HashMap<>();
            Tenancy.runAs(sliedrecht, () -> engine.compute(PERIOD, null).forEach(r -> demo.put(r.code(), r)));
            Map<String, IndicatorAggregates.National> both = national();
            assertThat(both.get("HOUSING_HOUSED").municipalities()).isEqualTo(2);
            assertThat(both.get("HOUSING_HOUSED").raw().amount())
                .isEqualByComparingTo(demo.get("HOUSING_HOUSED").amount().add(BigDecimal.valueOf(6)));
            assertThat(both.get("PIP_ON_TIME_SHARE").raw().persons())
                .isEqualTo(demo.get("PIP_ON_TIME_SHARE").persons() + 6);
            Suppression.Raw days = demo.get("HOUSING_DAYS_AVERAGE");
            BigDecimal weighted = days.amount()
                .multiply(BigDecimal.valueOf(days.persons()))
                .add(BigDecimal.valueOf(35 * 6))
                .divide(BigDecimal.valueOf(days.persons() + 6), 6, java.math.RoundingMode.HALF_UP);
            assertThat(both.get("HOUSING_DAYS_AVERAGE").raw().amount()).isEqualByComparingTo(weighted);
        }
        finally {
            noStoredAggregates();
        }
    }

    Map<String, IndicatorAggregates.National> national() {
        Map<String, IndicatorAggregates.National> byCode = new HashMap<>();
        Tenancy.runAs(town, () -> aggregates.national(PERIOD)).forEach(n -> byCode.put(n.raw().code(), n));
        return byCode;
    }

}
