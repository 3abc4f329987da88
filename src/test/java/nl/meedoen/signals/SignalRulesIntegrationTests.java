package nl.meedoen.signals;

import java.time.LocalDate;
import java.util.UUID;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule fires on a case built for it at its threshold and not on its near-miss twin
 * one day beyond, with the default thresholds, on a fixed day.
 */
@MeedoenIntegrationTest
class SignalRulesIntegrationTests {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @Autowired
    TestClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Municipalities municipalities;

    @Autowired
    Signals signals;

    SignalFixtures given;

    @BeforeEach
    void fixtures() {
        given = new SignalFixtures(municipalities, jdbc, mvc, signals);
    }

    void assertFiresOnlyOnFirst(SignalCode rule, UUID fires, UUID nearMiss) {
        try (var day = clock.fixedAt(TODAY)) {
            given.evaluate(fires, nearMiss);
        }
        assertThat(given.open(fires, rule)).as("%s fires", rule).isTrue();
        assertThat(given.statuses(nearMiss, rule)).as("%s near miss", rule).isEmpty();
    }

    @Test
    void guidanceEndingWithinThirtyDaysWithoutHandoverFires() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        guidance(fires, TODAY.plusDays(30));
        guidance(nearMiss, TODAY.plusDays(31));
        assertFiresOnlyOnFirst(SignalCode.GUIDANCE_ENDING_WITHOUT_HANDOVER, fires, nearMiss);
    }

    @Test
    void planDueWithinFourteenDaysAndNotAdoptedFires() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        given.duty(fires, TODAY.minusWeeks(8), TODAY.plusDays(14));
        given.duty(nearMiss, TODAY.minusWeeks(8), TODAY.plusDays(15));
        assertFiresOnlyOnFirst(SignalCode.PLAN_DUE_SOON, fires, nearMiss);
    }

    @Test
    void planDueYesterdayAndNotAdoptedIsOverdueButNotWhenDueToday() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        given.duty(fires, TODAY.minusWeeks(11), TODAY.minusDays(1));
        given.duty(nearMiss, TODAY.minusWeeks(10), TODAY);
        assertFiresOnlyOnFirst(SignalCode.PLAN_OVERDUE, fires, nearMiss);
    }

    @Test
    void aNoShowAtTheIntakeWithoutANewAppointmentFires() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        noShow(fires, TODAY.minusDays(10));
        noShow(nearMiss, TODAY.minusDays(10));
        given.sql("""
                insert into intake_appointment (id, municipality_id, person_id, scheduled_on)
                values (gen_random_uuid(), :m, :p, :d)""", "p", nearMiss, "d", TODAY.plusDays(5));
        assertFiresOnlyOnFirst(SignalCode.INTAKE_NO_SHOW, fires, nearMiss);
    }

    @Test
    void integrationPeriodEndingWithinSixMonthsWithPartsMissingFires() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        adoptedDuty(fires, TODAY.plusMonths(6), TODAY.plusYears(1));
        adoptedDuty(nearMiss, TODAY.plusMonths(6).plusDays(1), TODAY.plusYears(1));
        assertFiresOnlyOnFirst(SignalCode.INTEGRATION_PERIOD_ENDING, fires, nearMiss);
    }

    @Test
    void integrationPeriodEndingWithEveryPartPassedOrExemptedDoesNotFire() {
        UUID done = given.person();
        adoptedDuty(done, TODAY.plusMonths(3), TODAY.plusYears(1));
        for (String part : new String[] { "READING", "LISTENING", "WRITING", "SPEAKING", "KNM" }) {
            given.sql("""
                    insert into exam_result (id, municipality_id, person_id, part, level, result, taken_on)
                    values (gen_random_uuid(), :m, :p, :part, 'B1', 'PASSED', :d)""", "p", done, "part", part, "d",
                    TODAY.minusMonths(2));
        }
        for (String part : new String[] { "MAP", "PVT" }) {
            given.sql("""
                    insert into integration_exemption (id, municipality_id, person_id, part, kind, decided_on, ground)
                    values (gen_random_uuid(), :m, :p, :part, 'ONTHEFFING', :d, 'test')""", "p", done, "part", part,
                    "d", TODAY.minusMonths(2));
        }
        try (var day = clock.fixedAt(TODAY)) {
            given.evaluate(done);
        }
        assertThat(given.statuses(done, SignalCode.INTEGRATION_PERIOD_ENDING)).isEmpty();
    }

    @Test
    void routeSwitchDeadlineWithinSixtyDaysWhileBehindFires() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        UUID onTrack = given.person();
        adoptedDuty(fires, TODAY.plusYears(2), TODAY.plusDays(60));
        adoptedDuty(nearMiss, TODAY.plusYears(2), TODAY.plusDays(61));
        adoptedDuty(onTrack, TODAY.plusYears(2), TODAY.plusDays(30));
        given.sql("""
                insert into nt2_lesson_hours (municipality_id, person_id, total_hours, as_of)
                values (:m, :p, 300, :d)""", "p", onTrack, "d", TODAY);
        assertFiresOnlyOnFirst(SignalCode.ROUTE_SWITCH_WINDOW_CLOSING, fires, nearMiss);
        try (var day = clock.fixedAt(TODAY)) {
            given.evaluate(onTrack);
        }
        assertThat(given.statuses(onTrack, SignalCode.ROUTE_SWITCH_WINDOW_CLOSING)).isEmpty();
    }

    @Test
    void noHigherLanguageLevelForSixMonthsBelowTheTargetFires() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        given.plan(fires, TODAY.minusYears(2), "B1");
        given.plan(nearMiss, TODAY.minusYears(2), "B1");
        level(fires, "READING", "A1", TODAY.minusMonths(7));
        level(fires, "READING", "A2", TODAY.minusMonths(6));
        level(nearMiss, "READING", "A2", TODAY.minusMonths(6).plusDays(1));
        assertFiresOnlyOnFirst(SignalCode.NO_LANGUAGE_PROGRESS, fires, nearMiss);
        String facts = given.one(
                "select facts::text from signal where person_id = :p and rule = 'NO_LANGUAGE_PROGRESS'", String.class,
                "p", fires);
        assertThat(facts).contains("\"since\": \"" + TODAY.minusMonths(6) + "\"").contains("\"READING\": \"A2\"");
    }

    @Test
    void theProgressReviewOverdueFiresTheDayAfterItWasDue() {
        int months = interval();
        UUID fires = given.person();
        UUID nearMiss = given.person();
        review(given.plan(fires, TODAY.minusYears(1), null), TODAY.minusDays(1).minusMonths(months));
        review(given.plan(nearMiss, TODAY.minusYears(1), null), TODAY.minusMonths(months));
        assertFiresOnlyOnFirst(SignalCode.REVIEW_OVERDUE, fires, nearMiss);
    }

    @Test
    void noContactForNinetyDaysInAnActivePlanFires() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        review(given.plan(fires, TODAY.minusYears(1), null), TODAY.minusDays(90));
        review(given.plan(nearMiss, TODAY.minusYears(1), null), TODAY.minusDays(89));
        assertFiresOnlyOnFirst(SignalCode.NO_CONTACT, fires, nearMiss);
    }

    @Test
    void noParticipationAndFewerThanTwoContactsForSixMonthsIsARiskOfIsolationForAnEstablishedMigrant() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        UUID twoContacts = given.person();
        for (UUID p : new UUID[] { fires, nearMiss, twoContacts }) {
            given.sql("update person set category = 'ESTABLISHED_MIGRANT', registration_date = :d where id = :p", "p",
                    p, "d", TODAY.minusYears(3));
        }
        contact(fires, "CLUB", TODAY.minusMonths(6));
        contact(nearMiss, "CLUB", TODAY.minusMonths(6).plusDays(1));
        contact(twoContacts, "FRIEND", null);
        contact(twoContacts, "FAMILY", null);
        assertFiresOnlyOnFirst(SignalCode.ISOLATION_RISK, fires, nearMiss);
        try (var day = clock.fixedAt(TODAY)) {
            given.evaluate(twoContacts);
        }
        assertThat(given.statuses(twoContacts, SignalCode.ISOLATION_RISK)).isEmpty();
    }

    @Test
    void aChildFromTwoAndAHalfUntilFourWithoutVveFires() {
        UUID youngest = child(TODAY.minusMonths(30));
        UUID tooYoung = child(TODAY.minusMonths(30).plusDays(1));
        UUID oldest = child(TODAY.minusMonths(48).plusDays(1));
        UUID tooOld = child(TODAY.minusMonths(48));
        assertFiresOnlyOnFirst(SignalCode.CHILD_WITHOUT_VVE, youngest, tooYoung);
        assertFiresOnlyOnFirst(SignalCode.CHILD_WITHOUT_VVE, oldest, tooOld);
    }

    @Test
    void socialAssistanceForOverTwentyFourMonthsWithoutARouteToWorkFires() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        assistance(fires, TODAY.minusMonths(24).minusDays(1));
        assistance(nearMiss, TODAY.minusMonths(24));
        assertFiresOnlyOnFirst(SignalCode.LONG_TERM_ASSISTANCE_WITHOUT_ROUTE, fires, nearMiss);
    }

    @Test
    void aSentReferralWithoutResponseForTheMunicipalitysResponseDaysFires() {
        int days = given.one(
                "select coalesce((select response_days from referral_setting where municipality_id = :m), 14)",
                Integer.class);
        UUID fires = given.person();
        UUID nearMiss = given.person();
        referral(fires, "SENT", TODAY.minusDays(days + 1));
        referral(nearMiss, "SENT", TODAY.minusDays(days));
        assertFiresOnlyOnFirst(SignalCode.REFERRAL_NO_RESPONSE, fires, nearMiss);
    }

    @Test
    void aDropoutWithoutFollowUpForThirtyDaysFires() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        referral(fires, "DROPPED_OUT", TODAY.minusDays(31));
        referral(nearMiss, "DROPPED_OUT", TODAY.minusDays(30));
        assertFiresOnlyOnFirst(SignalCode.REFERRAL_DROPPED_OUT, fires, nearMiss);
    }

    @Test
    void ontzorgenEndingWithinThirtyDaysFires() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        ontzorgen(fires, TODAY.plusDays(30));
        ontzorgen(nearMiss, TODAY.plusDays(31));
        assertFiresOnlyOnFirst(SignalCode.ONTZORGEN_ENDING, fires, nearMiss);
    }

    @Test
    void aMatchedHouseholdNotHousedWithinFourteenDaysOfItsDeadlineFires() {
        UUID fires = given.person();
        UUID nearMiss = given.person();
        match(fires, TODAY.plusDays(14));
        match(nearMiss, TODAY.plusDays(15));
        assertFiresOnlyOnFirst(SignalCode.HOUSING_DEADLINE, fires, nearMiss);
    }

    @Test
    void aBuddyCheckInOverdueFiresTheDayAfterItWasDue() {
        int weeks = given.one(
                "select coalesce((select check_in_weeks from network_setting where municipality_id = :m), 4)",
                Integer.class);
        UUID fires = given.person();
        UUID nearMiss = given.person();
        buddy(fires, TODAY.minusDays(1).minusWeeks(weeks));
        buddy(nearMiss, TODAY.minusWeeks(weeks));
        assertFiresOnlyOnFirst(SignalCode.BUDDY_CHECK_IN_OVERDUE, fires, nearMiss);
    }

    // the facts, as the owning modules store them

    void guidance(UUID person, LocalDate end) {
        given.sql("""
                insert into guidance (id, municipality_id, person_id, start_date, end_date, status)
                values (gen_random_uuid(), :m, :p, :s, :e, 'ACTIVE')""", "p", person, "s", end.minusMonths(6), "e",
                end);
    }

    void noShow(UUID person, LocalDate on) {
        given.sql("""
                insert into intake_appointment (id, municipality_id, person_id, scheduled_on, outcome, no_show_step,
                    consequence)
                values (gen_random_uuid(), :m, :p, :d, 'NO_SHOW', 1, 'WARNING')""", "p", person, "d", on);
    }

    void adoptedDuty(UUID person, LocalDate periodEnd, LocalDate switchDeadline) {
        given.sql(
                """
                        insert into integration_duty (municipality_id, person_id, regime, duo_notice_date, brp_registration_date,
                            plan_due_date, plan_adopted_on, route, integration_period_start, integration_period_end,
                            route_switch_deadline)
                        values (:m, :p, 'WI2021', :n, :n, :n, :n, 'B1', :n, :e, :s)""",
                "p", person, "n", periodEnd.minusYears(3), "e", periodEnd, "s", switchDeadline);
    }

    void level(UUID person, String skill, String level, LocalDate on) {
        given.sql("""
                insert into language_level (id, municipality_id, person_id, skill, level, assessed_on, source)
                values (gen_random_uuid(), :m, :p, :s, :l, :d, 'TEST')""", "p", person, "s", skill, "l", level, "d",
                on);
    }

    int interval() {
        return given.one(
                "select coalesce((select review_interval_months from plan_setting where municipality_id = :m), 3)",
                Integer.class);
    }

    void review(UUID plan, LocalDate heldOn) {
        given.sql("""
                insert into plan_review (id, municipality_id, plan_id, held_on, notes, next_review_due, recorded_by)
                values (gen_random_uuid(), :m, :plan, :d, 'gesprek', :d, 'test')""", "plan", plan, "d", heldOn);
    }

    void contact(UUID person, String kind, LocalDate endedOn) {
        given.sql("""
                insert into person_contact (id, municipality_id, person_id, kind, name, ended_on)
                values (gen_random_uuid(), :m, :p, :k, 'Contact', :e)""", "p", person, "k", kind, "e", endedOn);
    }

    UUID child(LocalDate born) {
        UUID child = given.person();
        UUID household = UUID.randomUUID();
        given.sql("update person set date_of_birth = :d where id = :p", "p", child, "d", born);
        given.sql("insert into household (id, municipality_id, version) values (:h, :m, 0)", "h", household);
        given.sql("""
                insert into household_member (municipality_id, household_id, person_id, role, since)
                values (:m, :h, :p, 'CHILD', :d)""", "h", household, "p", child, "d", born);
        return child;
    }

    void assistance(UUID person, LocalDate since) {
        given.sql("""
                insert into income_period (id, municipality_id, person_id, source, starts_on)
                values (gen_random_uuid(), :m, :p, 'SOCIAL_ASSISTANCE', :d)""", "p", person, "d", since);
    }

    void referral(UUID person, String status, LocalDate on) {
        given.sql("""
                insert into referral (id, municipality_id, person_id, provision_id, partner_id, purpose, shared_fields,
                    status, status_on, sent_on, created_by)
                values (gen_random_uuid(), :m, :p, gen_random_uuid(), gen_random_uuid(), 'taal', array['NAME'], :s, :d,
                    :d, gen_random_uuid())""", "p", person, "s", status, "d", on);
    }

    void ontzorgen(UUID person, LocalDate end) {
        given.sql("""
                insert into ontzorgen (municipality_id, person_id, assistance_start, end_date)
                values (:m, :p, :s, :e)""", "p", person, "s", end.minusMonths(6), "e", end);
    }

    void match(UUID person, LocalDate deadline) {
        UUID match = UUID.randomUUID();
        given.sql("""
                insert into housing_match (id, municipality_id, match_date, housing_deadline, move_deadline)
                values (:id, :m, :d, :h, :h)""", "id", match, "d", deadline.minusWeeks(10), "h", deadline);
        given.sql("insert into housing_match_person (municipality_id, match_id, person_id) values (:m, :id, :p)", "id",
                match, "p", person);
    }

    void buddy(UUID person, LocalDate startedOn) {
        UUID volunteer = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        given.sql("""
                insert into volunteer (id, municipality_id, given_name, family_name, roles)
                values (:id, :m, 'Vera', 'Vrijwilliger', array['BUDDY'])""", "id", volunteer);
        given.sql("""
                insert into match_request (id, municipality_id, person_id, role, status)
                values (:id, :m, :p, 'BUDDY', 'MATCHED')""", "id", request, "p", person);
        given.sql("""
                insert into buddy_match (id, municipality_id, match_request_id, person_id, volunteer_id, role, status,
                    score, proposed_on, introduced_on, started_on)
                values (gen_random_uuid(), :m, :r, :p, :v, 'BUDDY', 'ACTIVE', 80, :d, :d, :d)""", "r", request, "p",
                person, "v", volunteer, "d", startedOn);
    }

}
