package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static nl.meedoen.referrals.ReferralFixtures.LANGUAGE_SCHOOL;
import static nl.meedoen.referrals.ReferralFixtures.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a partner sees of a person, and when a referral may be sent: the capture of the
 * shared fields, a history without the municipality's reasons, the grace period after the
 * end, the consent checked on the real day of sending, and the version of every change.
 */
@MeedoenIntegrationTest
class ReferralPrivacyIntegrationTests {

    private static final List<String> NAME_AND_PHONE = List.of("NAME", "PHONE");

    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TestClock clock;

    ReferralFixtures fixtures;

    String languageCourse;

    @BeforeEach
    void setUp() {
        fixtures = new ReferralFixtures(mvc, ownerDataSource, passwords);
        languageCourse = fixtures.provisionOf(LANGUAGE_SCHOOL);
    }

    @Test
    void thePartnerReadsTheFieldsAsTheyWereWhenSentNotTheLiveFile() {
        String person = fixtures.person();
        String id = fixtures.sent(person, languageCourse, NAME_AND_PHONE);

        fixtures.changePhone(person, "0687654321");

        JsonNode seen = fixtures.partner().get("/api/v1/referrals/" + id).body();
        assertThat(seen.get("person").get("phone").asString()).isEqualTo("0612345678");
        assertThat(fixtures.partner().get("/api/v1/referrals").body().toString()).doesNotContain("0687654321");
    }

    @Test
    void thePartnersHistoryShowsStepsAndDatesButNotTheTeamLeadsOverrideReason() {
        String person = fixtures.person();
        String id = draft(person, Map.of());
        Response sent = fixtures.teamLead()
            .post("/api/v1/referrals/" + id + "/sending",
                    Map.of("overrideReason", "Geheime reden van de gemeente voor het doorzetten"));
        assertThat(sent.status()).isEqualTo(200);
        fixtures.caseworker()
            .post(transitions(id), Map.of("to", "WITHDRAWN", "reason", "Interne notitie over de inwoner"));

        JsonNode seen = fixtures.partner().get("/api/v1/referrals/" + id).body();

        assertThat(seen.get("history")).hasSize(3);
        assertThat(seen.get("history").get(1).get("to").asString()).isEqualTo("SENT");
        assertThat(seen.get("history").get(1).has("date")).isTrue();
        assertThat(seen.toString()).doesNotContain("Geheime reden", "Interne notitie");
        assertThat(fixtures.caseworker().get("/api/v1/referrals/" + id).body().toString()).contains("Geheime reden",
                "Interne notitie");
    }

    @Test
    void thePartnersOwnReasonStaysInItsHistory() {
        String id = fixtures.sent(fixtures.person(), languageCourse, NAME_AND_PHONE);
        fixtures.partner().post(transitions(id), Map.of("to", "DECLINED", "reason", "Cursus zit vol"));

        JsonNode seen = fixtures.partner().get("/api/v1/referrals/" + id).body();

        assertThat(seen.get("statusReason").asString()).isEqualTo("Cursus zit vol");
        assertThat(seen.get("history").get(2).get("reason").asString()).isEqualTo("Cursus zit vol");
    }

    @Test
    void afterTheGracePeriodThePartnerSeesTheOutcomeButNoLongerThePerson() {
        String person = fixtures.person();
        String id;
        try (var day = clock.fixedAt(DAY)) {
            id = draft(person, Map.of("givenOn", DAY.toString()));
            assertThat(fixtures.caseworker().post("/api/v1/referrals/" + id + "/sending", Map.of()).status())
                .isEqualTo(200);
            fixtures.partner().post(transitions(id), Map.of("to", "DECLINED", "reason", "Geen plek"));
        }
        try (var day = clock.fixedAt(DAY.plusDays(30))) {
            assertThat(fixtures.partner().get("/api/v1/referrals/" + id).body().has("person")).isTrue();
        }
        long partnerReads = fixtures.auditEntries(person, "REFERRAL_PARTNER_READ");
        try (var day = clock.fixedAt(DAY.plusDays(31))) {
            JsonNode seen = fixtures.partner().get("/api/v1/referrals/" + id).body();

            assertThat(seen.get("status").asString()).isEqualTo("DECLINED");
            assertThat(seen.has("person")).isFalse();
            JsonNode listed = null;
            for (JsonNode item : fixtures.partner().get("/api/v1/referrals").body().get("items")) {
                if (item.get("id").asString().equals(id)) {
                    listed = item;
                }
            }
            assertThat(listed).isNotNull();
            assertThat(listed.has("person")).isFalse();
        }
        assertThat(fixtures.auditEntries(person, "REFERRAL_PARTNER_READ")).isEqualTo(partnerReads);
    }

    @Test
    void afterTheConsentExpiresThePartnerSeesNothingOfThePerson() {
        String person = fixtures.person();
        String id;
        try (var day = clock.fixedAt(DAY)) {
            id = draft(person, Map.of("givenOn", DAY.toString(), "validUntil", DAY.plusDays(10).toString()));
            fixtures.caseworker().post("/api/v1/referrals/" + id + "/sending", Map.of());
        }
        try (var day = clock.fixedAt(DAY.plusDays(10))) {
            assertThat(fixtures.partner().get("/api/v1/referrals/" + id).body().has("person")).isTrue();
        }
        try (var day = clock.fixedAt(DAY.plusDays(11))) {
            JsonNode seen = fixtures.partner().get("/api/v1/referrals/" + id).body();
            assertThat(seen.get("status").asString()).isEqualTo("SENT");
            assertThat(seen.has("person")).isFalse();
        }
    }

    @Test
    void consentIsCheckedOnTheDayTheReferralIsReallySentNotTheDateTheCallerGives() {
        String person = fixtures.person();
        String id;
        try (var day = clock.fixedAt(DAY)) {
            id = draft(person, Map.of("givenOn", DAY.toString(), "validUntil", DAY.plusDays(5).toString()));
        }
        try (var day = clock.fixedAt(DAY.plusDays(10))) {
            Map<String, Object> backdated = Map.of("date", DAY.plusDays(3).toString());

            Response refused = fixtures.caseworker().post("/api/v1/referrals/" + id + "/sending", backdated);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(fixtures.caseworker()
                .post("/api/v1/referrals/" + id + "/sending",
                        Map.of("date", DAY.plusDays(3).toString(), "overrideReason", "Toch"))
                .status()).isEqualTo(403);
            assertThat(fixtures.auditEntries(person, "REFERRAL_CONSENT_OVERRIDE")).isZero();

            Response overridden = fixtures.teamLead()
                .post("/api/v1/referrals/" + id + "/sending",
                        Map.of("date", DAY.plusDays(3).toString(), "overrideReason", "Per post verstuurd op de 6e"));
            assertThat(overridden.status()).isEqualTo(200);
            assertThat(overridden.body().get("consentOverridden").asBoolean()).isTrue();
            assertThat(overridden.body().get("sentOn").asString()).isEqualTo(DAY.plusDays(3).toString());
        }
        assertThat(fixtures.auditEntries(person, "REFERRAL_CONSENT_OVERRIDE")).isEqualTo(1);
    }

    @Test
    void aBackdatedSendNeedsTheOverrideEvenWithValidConsent() {
        String person = fixtures.person();
        String id;
        try (var day = clock.fixedAt(DAY)) {
            id = draft(person, Map.of("givenOn", DAY.toString()));
        }
        try (var day = clock.fixedAt(DAY.plusDays(4))) {
            Response refused = fixtures.caseworker()
                .post("/api/v1/referrals/" + id + "/sending", Map.of("date", DAY.plusDays(1).toString()));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().get("detail").asString()).contains("teamleider");
            assertThat(fixtures.caseworker()
                .post("/api/v1/referrals/" + id + "/sending", Map.of("date", DAY.plusDays(4).toString()))
                .status()).isEqualTo(200);
        }
        assertThat(fixtures.auditEntries(person, "REFERRAL_CONSENT_OVERRIDE")).isZero();
    }

    @Test
    void aStaleOrMissingVersionIsRefusedOnTheBasisAndAStaleOneOnSendingAndTransitions() {
        String id = draft(fixtures.person(), Map.of());
        String basis = "/api/v1/referrals/" + id + "/basis";
        Map<String, Object> legal = Map.of("legalBasis", "Wet inburgering 2021, art. 16");

        assertThat(fixtures.caseworker().put(basis, legal, null).status()).isEqualTo(428);
        assertThat(fixtures.caseworker().put(basis, legal, "\"7\"").status()).isEqualTo(412);
        Response recorded = fixtures.caseworker().put(basis, legal, "\"0\"");
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.header("ETag")).isEqualTo("\"1\"");
        assertThat(fixtures.caseworker().put(basis, legal, "\"0\"").status()).isEqualTo(412);

        String sending = "/api/v1/referrals/" + id + "/sending";
        assertThat(fixtures.caseworker()
            .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(sending)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{}")
                .header("If-Match", "\"0\""))
            .status()).isEqualTo(412);
        assertThat(fixtures.caseworker().get("/api/v1/referrals/" + id).body().get("status").asString())
            .isEqualTo("DRAFT");
        assertThat(fixtures.caseworker().post(sending, Map.of()).status()).isEqualTo(200);
        assertThat(fixtures.partner()
            .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(transitions(id))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"to\":\"ACCEPTED\"}")
                .header("If-Match", "\"1\""))
            .status()).isEqualTo(412);
        assertThat(fixtures.partner().get("/api/v1/referrals/" + id).body().get("status").asString()).isEqualTo("SENT");
    }

    @Test
    void theGracePeriodIsAMunicipalSettingWithItsVersion() {
        Response before = fixtures.teamLead().get("/api/v1/referral-settings");
        assertThat(before.body().get("partnerGraceDays").asInt()).isEqualTo(30);
        String etag = before.header("ETag");
        try {
            Response changed = fixtures.teamLead()
                .put("/api/v1/referral-settings", Map.of("partnerGraceDays", 45), etag);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body().get("partnerGraceDays").asInt()).isEqualTo(45);
            assertThat(changed.body().get("responseDays").asInt()).isEqualTo(before.body().get("responseDays").asInt());
            assertThat(
                    fixtures.teamLead().put("/api/v1/referral-settings", Map.of("partnerGraceDays", 20), etag).status())
                .isEqualTo(412);
            assertThat(
                    fixtures.teamLead().put("/api/v1/referral-settings", Map.of("partnerGraceDays", 20), null).status())
                .isEqualTo(428);
            assertThat(fixtures.teamLead()
                .put("/api/v1/referral-settings", Map.of("partnerGraceDays", 400), changed.header("ETag"))
                .status()).isEqualTo(400);
        }
        finally {
            fixtures.teamLead()
                .put("/api/v1/referral-settings", Map.of("partnerGraceDays", 30),
                        fixtures.teamLead().get("/api/v1/referral-settings").header("ETag"));
        }
    }

    private String draft(String person, Map<String, Object> consent) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("personId", person, "provisionId", languageCourse,
                "purpose", "Nederlands leren", "sharedFields", NAME_AND_PHONE));
        if (!consent.isEmpty()) {
            body.put("consent", consent);
        }
        Response created = fixtures.caseworker().post("/api/v1/referrals", body);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

}
