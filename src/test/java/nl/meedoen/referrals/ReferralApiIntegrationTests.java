package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static nl.meedoen.referrals.ReferralFixtures.LANGUAGE_SCHOOL;
import static nl.meedoen.referrals.ReferralFixtures.transitions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The referral API contract: the consent gate, the lifecycle, partner isolation and the
 * audit of partner reads.
 */
@MeedoenIntegrationTest
@RecordApplicationEvents
class ReferralApiIntegrationTests {

    private static final List<String> NAME_AND_PHONE = List.of("NAME", "PHONE");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ApplicationEvents events;

    ReferralFixtures fixtures;

    String languageCourse;

    @BeforeEach
    void setUp() {
        fixtures = new ReferralFixtures(mvc, ownerDataSource, passwords);
        languageCourse = fixtures.provisionOf(LANGUAGE_SCHOOL);
    }

    @Test
    void aDraftIsCreatedWithItsStatus() {
        String person = fixtures.person();

        Response created = fixtures.caseworker()
            .post("/api/v1/referrals",
                    Map.of("personId", person, "provisionId", languageCourse, "purpose", "Taalles", "sharedFields",
                            NAME_AND_PHONE, "consent", Map.of("givenOn", "2026-01-05", "validUntil", "2026-12-31")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("id").asString()).isNotBlank();
        assertThat(created.body().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.header("Location")).endsWith(created.body().get("id").asString());
        assertThat(fixtures.auditEntries(person, "REFERRAL_UPDATE")).isEqualTo(1);
    }

    @Test
    void sendingWithoutConsentOrLegalBasisIsRefusedInDutch() {
        String person = fixtures.person();
        String id = fixtures.caseworker()
            .post("/api/v1/referrals",
                    Map.of("personId", person, "provisionId", languageCourse, "purpose", "Taalles", "sharedFields",
                            NAME_AND_PHONE))
            .body()
            .get("id")
            .asString();

        Response refused = fixtures.caseworker().post("/api/v1/referrals/" + id + "/sending", Map.of());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.body().get("detail").asString()).contains("geen geldige toestemming")
            .contains("wettelijke grondslag");
        assertThat(fixtures.caseworker().get("/api/v1/referrals/" + id).body().get("status").asString())
            .isEqualTo("DRAFT");
        assertThat(events.stream(ReferralSent.class)).isEmpty();

        Response withBasis = fixtures.caseworker()
            .put("/api/v1/referrals/" + id + "/basis",
                    Map.of("legalBasis", "Wet inburgering 2021, art. 16 (ondersteuning bij de inburgering)"), "\"0\"");
        assertThat(withBasis.status()).isEqualTo(200);
        Response sent = fixtures.caseworker().post("/api/v1/referrals/" + id + "/sending", Map.of());
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body().get("status").asString()).isEqualTo("SENT");
    }

    @Test
    void expiredConsentIsNoBasisForSending() {
        String person = fixtures.person();
        String id = fixtures.caseworker()
            .post("/api/v1/referrals",
                    Map.of("personId", person, "provisionId", languageCourse, "purpose", "Taalles", "sharedFields",
                            NAME_AND_PHONE, "consent", Map.of("givenOn", "2024-01-01", "validUntil", "2024-12-31")))
            .body()
            .get("id")
            .asString();

        assertThat(fixtures.caseworker().post("/api/v1/referrals/" + id + "/sending", Map.of()).status())
            .isEqualTo(422);
    }

    @Test
    void onlyATeamLeadOverridesTheConsentGateWithAReasonAndTheOverrideIsAudited() {
        String person = fixtures.person();
        String id = fixtures.caseworker()
            .post("/api/v1/referrals",
                    Map.of("personId", person, "provisionId", languageCourse, "purpose", "Crisisopvang taal",
                            "sharedFields", List.of("NAME")))
            .body()
            .get("id")
            .asString();
        String sending = "/api/v1/referrals/" + id + "/sending";

        assertThat(fixtures.caseworker().post(sending, Map.of("overrideReason", "Haast")).status()).isEqualTo(403);
        assertThat(fixtures.teamLead().post(sending, Map.of()).status()).isEqualTo(422);
        assertThat(fixtures.auditEntries(person, "REFERRAL_CONSENT_OVERRIDE")).isZero();

        Response overridden = fixtures.teamLead()
            .post(sending, Map.of("overrideReason", "Inwoner kon niet tekenen; mondeling akkoord, schriftelijk volgt"));

        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.body().get("status").asString()).isEqualTo("SENT");
        assertThat(overridden.body().get("consentOverridden").asBoolean()).isTrue();
        assertThat(overridden.body().get("overrideReason").asString()).contains("mondeling akkoord");
        assertThat(fixtures.auditEntries(person, "REFERRAL_CONSENT_OVERRIDE")).isEqualTo(1);
        assertThat(events.stream(ReferralSent.class).filter(e -> e.referralId().toString().equals(id))).singleElement()
            .satisfies(e -> assertThat(e.consentOverridden()).isTrue());
    }

    @Test
    void consentThatEndsBeforeItWasGivenIsRefused() {
        Response refused = fixtures.caseworker()
            .post("/api/v1/referrals",
                    Map.of("personId", fixtures.person(), "provisionId", languageCourse, "purpose", "Taalles",
                            "sharedFields", NAME_AND_PHONE, "consent",
                            Map.of("givenOn", "2026-03-01", "validUntil", "2026-02-28")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("consent.validUntil");
        assertThat(refused.body().get("errors").get(0).get("message").asString()).contains("vóór de datum");
    }

    @Test
    void aProvisionOfAnotherMunicipalityIsNotFoundAndAnInactiveOneIsAConflict() {
        String person = fixtures.person();
        String dordrecht = Api.as(mvc, "begeleider.dordrecht")
            .get("/api/v1/provisions")
            .body()
            .get("items")
            .get(0)
            .get("id")
            .asString();
        assertThat(fixtures.caseworker()
            .post("/api/v1/referrals",
                    Map.of("personId", person, "provisionId", dordrecht, "purpose", "Taalles", "sharedFields",
                            NAME_AND_PHONE))
            .status()).isEqualTo(404);

        Api admin = Api.as(mvc, "beheerder");
        Response inactive = admin.post("/api/v1/provisions",
                Map.of("partnerId", LANGUAGE_SCHOOL, "name", "Gestopte cursus " + System.nanoTime(), "description",
                        "Deze cursus wordt niet meer gegeven.", "domain", "LANGUAGE", "active", false));
        assertThat(inactive.status()).isEqualTo(201);
        Response refused = fixtures.caseworker()
            .post("/api/v1/referrals", Map.of("personId", person, "provisionId", inactive.body().get("id").asString(),
                    "purpose", "Taalles", "sharedFields", NAME_AND_PHONE));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("niet meer actief");
    }

    @Test
    void thePartnerAcceptsStartsAndCompletesAndEachStepPublishesItsEvent() {
        String person = fixtures.person();
        String id = fixtures.sent(person, languageCourse, NAME_AND_PHONE);

        for (String to : List.of("ACCEPTED", "STARTED", "COMPLETED")) {
            Response moved = fixtures.partner().post(transitions(id), Map.of("to", to));
            assertThat(moved.status()).as(to).isEqualTo(200);
            assertThat(moved.body().get("status").asString()).isEqualTo(to);
        }

        JsonNode read = fixtures.caseworker().get("/api/v1/referrals/" + id).body();
        List<String> steps = new ArrayList<>();
        read.get("history").forEach(step -> steps.add(step.get("to").asString()));
        assertThat(steps).containsExactly("DRAFT", "SENT", "ACCEPTED", "STARTED", "COMPLETED");
        assertThat(read.get("history").get(2).get("actor").asString()).contains("Taalschool De Brug");
        // Referral dates are Amsterdam dates; between 23:00 and 24:00 UTC that is already
        // tomorrow.
        assertThat(read.get("history").get(4).get("date").asString())
            .isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString());
        assertThat(events.stream(ReferralAccepted.class).filter(e -> e.referralId().toString().equals(id)))
            .singleElement()
            .satisfies(e -> {
                assertThat(e.municipalityId()).isNotNull();
                assertThat(e.personId().toString()).isEqualTo(person);
                assertThat(e.partnerId().toString()).isEqualTo(LANGUAGE_SCHOOL);
            });
        assertThat(events.stream(ReferralStarted.class).filter(e -> e.referralId().toString().equals(id))).hasSize(1);
        assertThat(events.stream(ReferralCompleted.class).filter(e -> e.referralId().toString().equals(id))).hasSize(1);
    }

    @Test
    void declineAndDropOutNeedAReasonAndAreRecordedWithIt() {
        String declined = fixtures.sent(fixtures.person(), languageCourse, NAME_AND_PHONE);
        assertThat(fixtures.partner().post(transitions(declined), Map.of("to", "DECLINED")).status()).isEqualTo(400);
        Response decline = fixtures.partner()
            .post(transitions(declined), Map.of("to", "DECLINED", "reason", "Cursus zit vol tot september"));
        assertThat(decline.status()).isEqualTo(200);
        assertThat(decline.body().get("statusReason").asString()).isEqualTo("Cursus zit vol tot september");
        assertThat(events.stream(ReferralDeclined.class).filter(e -> e.referralId().toString().equals(declined)))
            .singleElement()
            .satisfies(e -> assertThat(e.reason()).isEqualTo("Cursus zit vol tot september"));

        String dropped = fixtures.sent(fixtures.person(), languageCourse, NAME_AND_PHONE);
        fixtures.partner().post(transitions(dropped), Map.of("to", "ACCEPTED"));
        fixtures.partner().post(transitions(dropped), Map.of("to", "STARTED"));
        Response dropOut = fixtures.partner()
            .post(transitions(dropped), Map.of("to", "DROPPED_OUT", "reason", "Verhuisd naar Gorinchem"));
        assertThat(dropOut.status()).isEqualTo(200);
        assertThat(dropOut.body().get("status").asString()).isEqualTo("DROPPED_OUT");
        assertThat(events.stream(ReferralDroppedOut.class).filter(e -> e.referralId().toString().equals(dropped)))
            .hasSize(1);
    }

    @Test
    void theCaseworkerWithdrawsButThePartnerCannot() {
        String id = fixtures.sent(fixtures.person(), languageCourse, NAME_AND_PHONE);

        assertThat(fixtures.partner().post(transitions(id), Map.of("to", "WITHDRAWN")).status()).isEqualTo(403);
        Response withdrawn = fixtures.caseworker()
            .post(transitions(id), Map.of("to", "WITHDRAWN", "reason", "Inwoner heeft al een andere cursus"));

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(events.stream(ReferralWithdrawn.class).filter(e -> e.referralId().toString().equals(id))).hasSize(1);
        JsonNode seenByPartner = fixtures.partner().get("/api/v1/referrals/" + id).body();
        assertThat(seenByPartner.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(seenByPartner.has("person")).isFalse();
    }

    @Test
    void onlyThePartnerOrATeamLeadSayingHowTheyHeardRecordsThePartnersAnswer() {
        String id = fixtures.draft(fixtures.person(), languageCourse, NAME_AND_PHONE);
        fixtures.caseworker().post("/api/v1/referrals/" + id + "/sending", Map.of());

        assertThat(fixtures.caseworker().post(transitions(id), Map.of("to", "ACCEPTED")).status()).isEqualTo(403);
        Response unexplained = fixtures.teamLead().post(transitions(id), Map.of("to", "ACCEPTED"));
        assertThat(unexplained.status()).isEqualTo(400);
        assertThat(unexplained.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        Response recorded = fixtures.teamLead()
            .post(transitions(id), Map.of("to", "ACCEPTED", "reason", "Telefonisch door de taalschool op 3 maart"));

        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.body().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(fixtures.caseworker().post(transitions(id), Map.of("to", "WITHDRAWN")).status()).isEqualTo(200);
    }

    @Test
    void illegalTransitionsAreConflicts() {
        String id = fixtures.draft(fixtures.person(), languageCourse, NAME_AND_PHONE);

        Response early = fixtures.teamLead()
            .post(transitions(id), Map.of("to", "ACCEPTED", "reason", "Telefonisch door de taalschool"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("detail").asString()).contains("DRAFT", "ACCEPTED");

        fixtures.caseworker().post("/api/v1/referrals/" + id + "/sending", Map.of());
        fixtures.partner().post(transitions(id), Map.of("to", "ACCEPTED"));
        fixtures.partner().post(transitions(id), Map.of("to", "STARTED"));
        fixtures.partner().post(transitions(id), Map.of("to", "COMPLETED"));

        assertThat(fixtures.partner().post(transitions(id), Map.of("to", "STARTED")).status()).isEqualTo(409);
        assertThat(fixtures.caseworker().post(transitions(id), Map.of("to", "WITHDRAWN")).status()).isEqualTo(409);
        assertThat(fixtures.caseworker().post("/api/v1/referrals/" + id + "/sending", Map.of()).status())
            .isEqualTo(409);
        assertThat(fixtures.caseworker().post(transitions(id), Map.of("to", "LOST")).status()).isEqualTo(400);
    }

    @Test
    void partnerSeesOnlyReferralsAddressedToItWithOnlyTheSharedFields() {
        String person = fixtures.person();
        String toSchool = fixtures.sent(person, languageCourse, NAME_AND_PHONE);
        String toLibrary = fixtures.sent(person, fixtures.provisionOf(fixtures.libraryId()),
                List.of("NAME", "DATE_OF_BIRTH", "EMAIL", "ADDRESS", "LANGUAGES"));
        String draft = fixtures.draft(person, languageCourse, NAME_AND_PHONE);

        List<String> schoolSees = ids(fixtures.partner().get("/api/v1/referrals"));
        List<String> librarySees = ids(fixtures.library().get("/api/v1/referrals"));

        assertThat(schoolSees).contains(toSchool).doesNotContain(toLibrary, draft);
        assertThat(librarySees).contains(toLibrary).doesNotContain(toSchool, draft);

        JsonNode atSchool = fixtures.partner().get("/api/v1/referrals/" + toSchool).body();
        assertThat(atSchool.has("personId")).isFalse();
        assertThat(atSchool.has("consent")).isFalse();
        assertThat(atSchool.get("person").get("name").asString()).isEqualTo("Verwijzing Testpersoon");
        assertThat(atSchool.get("person").get("phone").asString()).isEqualTo("0612345678");
        assertThat(atSchool.get("person").has("dateOfBirth")).isFalse();
        assertThat(atSchool.get("person").has("email")).isFalse();
        assertThat(atSchool.get("person").has("address")).isFalse();

        JsonNode atLibrary = fixtures.library().get("/api/v1/referrals/" + toLibrary).body();
        assertThat(atLibrary.get("person").get("address").asString()).isEqualTo("Kerkbuurt 1, 3361 BA Sliedrecht");
        assertThat(atLibrary.get("person").has("phone")).isFalse();

        assertThat(fixtures.partner().get("/api/v1/referrals/" + toLibrary).status()).isEqualTo(404);
        assertThat(fixtures.library().get("/api/v1/referrals/" + toSchool).status()).isEqualTo(404);
        assertThat(fixtures.partner().get("/api/v1/referrals/" + draft).status()).isEqualTo(404);
        assertThat(fixtures.library().post(transitions(toSchool), Map.of("to", "ACCEPTED")).status()).isEqualTo(404);
        assertThat(fixtures.partner().get("/api/v1/persons/" + person).status()).isEqualTo(403);
        assertThat(fixtures.partner()
            .post("/api/v1/referrals",
                    Map.of("personId", person, "provisionId", languageCourse, "purpose", "x", "sharedFields",
                            NAME_AND_PHONE))
            .status()).isEqualTo(403);
    }

    @Test
    void everyPartnerReadIsAudited() {
        String person = fixtures.person();
        String id = fixtures.sent(person, languageCourse, NAME_AND_PHONE);
        assertThat(fixtures.auditEntries(person, "REFERRAL_PARTNER_READ")).isZero();

        fixtures.partner().get("/api/v1/referrals");
        assertThat(fixtures.auditEntries(person, "REFERRAL_PARTNER_READ")).isEqualTo(1);

        fixtures.partner().get("/api/v1/referrals/" + id);
        assertThat(fixtures.auditEntries(person, "REFERRAL_PARTNER_READ")).isEqualTo(2);

        fixtures.library().get("/api/v1/referrals/" + id);
        assertThat(fixtures.auditEntries(person, "REFERRAL_PARTNER_READ")).isEqualTo(2);
    }

    @Test
    void aReferralWithoutResponseAfterTheConfiguredDaysIsWaitingTooLong() {
        String person = fixtures.person();
        String id = fixtures.draft(person, languageCourse, NAME_AND_PHONE);
        fixtures.caseworker()
            .put("/api/v1/referrals/" + id + "/basis",
                    Map.of("consent", Map.of("givenOn", LocalDate.now().minusDays(30).toString())), "\"0\"");
        assertThat(fixtures.caseworker().post("/api/v1/referrals/" + id + "/sending", Map.of()).status())
            .isEqualTo(200);
        assertThat(fixtures.caseworker().get("/api/v1/referrals/" + id).body().get("waitingTooLong").asBoolean())
            .isFalse();
        fixtures.sentDaysAgo(id, 15);
        assertThat(fixtures.caseworker().get("/api/v1/referrals/" + id).body().get("waitingTooLong").asBoolean())
            .isTrue();

        try {
            assertThat(Api.as(mvc, "teamleider")
                .put("/api/v1/referral-settings", Map.of("responseDays", 21), settingsVersion())
                .status()).isEqualTo(200);
            assertThat(fixtures.caseworker().get("/api/v1/referrals/" + id).body().get("waitingTooLong").asBoolean())
                .isFalse();
            assertThat(fixtures.caseworker()
                .put("/api/v1/referral-settings", Map.of("responseDays", 3), settingsVersion())
                .status()).isEqualTo(403);
        }
        finally {
            Api.as(mvc, "teamleider").put("/api/v1/referral-settings", Map.of("responseDays", 14), settingsVersion());
        }
        fixtures.partner().post(transitions(id), Map.of("to", "ACCEPTED"));
        assertThat(fixtures.caseworker().get("/api/v1/referrals/" + id).body().get("waitingTooLong").asBoolean())
            .isFalse();
    }

    @Test
    void thePersonsReferralsAreListedAndTheReadIsAudited() {
        String person = fixtures.person();
        String first = fixtures.sent(person, languageCourse, NAME_AND_PHONE);
        String second = fixtures.draft(person, fixtures.provisionOf(fixtures.libraryId()), List.of("NAME"));
        long before = fixtures.auditEntries(person, "REFERRAL_READ");

        Response listed = fixtures.caseworker().get("/api/v1/referrals?personId=" + person);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(ids(listed)).containsExactlyInAnyOrder(first, second);
        assertThat(listed.body().get("items").get(0).get("provisionName").asString()).isNotBlank();
        assertThat(fixtures.auditEntries(person, "REFERRAL_READ")).isEqualTo(before + 1);
        assertThat(Api.as(mvc, "begeleider.dordrecht").get("/api/v1/referrals/" + first).status()).isEqualTo(404);
        assertThat(Api.as(mvc, "beleid").get("/api/v1/referrals").status()).isEqualTo(403);
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private String settingsVersion() {
        return Api.as(mvc, "teamleider").get("/api/v1/referral-settings").header("ETag");
    }

}
