package nl.meedoen.exchange;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.exchange.PartnerFixtures.Referral;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.Time;
import nl.meedoen.signals.Signals;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Absences without notice that a partner reports raise {@code ABSENT_WITHOUT_NOTICE}
 * (default: twice within four weeks) as soon as the report is committed, explained in
 * words; absences with notice and a single absence do not; a municipality that switches
 * the rule off gets none.
 */
@MeedoenIntegrationTest
class PartnerAbsenceSignalIntegrationTests {

    private static final String RULE = "ABSENT_WITHOUT_NOTICE";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Autowired
    Signals signals;

    @Autowired
    Municipalities municipalities;

    PartnerFixtures given;

    LocalDate today = LocalDate.now(Time.ZONE);

    @BeforeEach
    void fixtures() {
        given = new PartnerFixtures(mvc, ownerDataSource);
    }

    @Test
    void twoAbsencesWithoutNoticeRaiseTheSignalAtOnceAndItExplainsItself() {
        Referral referral = given.activeReferral();

        assertThat(given.attendance(referral, today.minusDays(10), false, false).status()).isEqualTo(201);
        assertThat(given.attendance(referral, today.minusDays(3), false, false).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(statuses(referral)).containsExactly("OPEN"));
        assertThat(given.owner()
            .sql("select occasion || ' ' || since from signal where person_id = cast(:p as uuid) and rule = :r")
            .param("p", referral.person())
            .param("r", RULE)
            .query(String.class)
            .single()).isEqualTo(referral.id() + " " + today.minusDays(3));
        JsonNode shown = null;
        for (JsonNode item : Api.as(mvc, "teamleider")
            .get("/api/v1/signals?rule=" + RULE + "&owner=team&size=100")
            .body()
            .get("items")) {
            if (item.get("personId").asString().equals(referral.person())) {
                shown = item;
            }
        }
        assertThat(shown).isNotNull();
        assertThat(shown.get("explanation").asString()).isEqualTo(
                "2 keer afwezig zonder afmelding bij een partner in de laatste 4 weken, laatst op %s (signaal vanaf 2 keer)."
                    .formatted(today.minusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"))));
        assertThat(shown.get("href").asString()).isEqualTo("/personen/" + referral.person() + "/verwijzingen");
    }

    @Test
    void absencesWithNoticeOrOnlyOneWithoutOrOlderThanTheWindowDoNotRaiseIt() {
        Referral withNotice = given.activeReferral();
        Referral once = given.activeReferral();
        Referral longAgo = given.activeReferral();
        for (int days : new int[] { 1, 2, 3 }) {
            assertThat(given.attendance(withNotice, today.minusDays(days), false, true).status()).isEqualTo(201);
            assertThat(given.attendance(once, today.minusDays(days), days == 2, days == 3).status()).isEqualTo(201);
        }
        assertThat(given.attendance(once, today.minusDays(5), true, false).status()).isEqualTo(201);
        assertThat(given.attendance(longAgo, today.minusWeeks(4), false, false).status()).isEqualTo(201);
        assertThat(given.attendance(longAgo, today.minusDays(2), false, false).status()).isEqualTo(201);

        evaluate(withNotice, once, longAgo);

        assertThat(statuses(withNotice)).isEmpty();
        assertThat(statuses(once)).as("one absence without notice, one present, one with notice").isEmpty();
        assertThat(statuses(longAgo)).as("the first absence is four weeks ago, outside the window").isEmpty();
    }

    @Test
    void aMunicipalityThatSwitchesTheRuleOffGetsNone() {
        Api lead = Api.as(mvc, "teamleider");
        Referral referral = given.activeReferral();
        setEnabled(lead, false);
        try {
            assertThat(given.attendance(referral, today.minusDays(4), false, false).status()).isEqualTo(201);
            assertThat(given.attendance(referral, today.minusDays(2), false, false).status()).isEqualTo(201);
            evaluate(referral);
            assertThat(statuses(referral)).isEmpty();
        }
        finally {
            setEnabled(lead, true);
        }
        evaluate(referral);
        assertThat(statuses(referral)).as("switched on again, the same facts raise it").containsExactly("OPEN");
    }

    @Test
    void anAbsenceMustSayWhetherNoticeWasGiven() {
        Referral referral = given.activeReferral();

        Api.Response refused = given.partner()
            .post("/api/v1/partner-reports", Map.of("referralId", referral.id(), "kind", "ATTENDANCE", "date",
                    today.minusDays(1).toString(), "present", false));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("notified");
        assertThat(given.owner()
            .sql("select count(*) from partner_attendance where referral_id = cast(:r as uuid)")
            .param("r", referral.id())
            .query(Long.class)
            .single()).isZero();
    }

    private void setEnabled(Api lead, boolean enabled) {
        String etag = lead.etag("/api/v1/signal-settings");
        assertThat(lead
            .put("/api/v1/signal-settings", Map.of("rules", List.of(Map.of("rule", RULE, "enabled", enabled))), etag)
            .status()).isEqualTo(200);
    }

    private void evaluate(Referral... referrals) {
        UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        for (Referral referral : referrals) {
            Tenancy.runAs(sliedrecht, () -> signals.reevaluate(UUID.fromString(referral.person())));
        }
    }

    private List<String> statuses(Referral referral) {
        return given.owner()
            .sql("select status from signal where person_id = cast(:p as uuid) and rule = :r order by created_at")
            .param("p", referral.person())
            .param("r", RULE)
            .query(String.class)
            .list();
    }

}
