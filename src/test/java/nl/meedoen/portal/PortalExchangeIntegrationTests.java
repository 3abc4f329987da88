package nl.meedoen.portal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The exchange between the resident and the municipality in Mijn Meedoen: withdrawing a
 * consent stops the partner's sight of the shared data and gives the caseworker a task;
 * messages go both ways with their unread counts; a reported change reaches the file only
 * once the caseworker accepts it. Always the resident's own file: no id reaches another
 * person's, and staff of another team or municipality do not read the messages.
 */
@MeedoenIntegrationTest
class PortalExchangeIntegrationTests {

    /** Taalschool De Brug, the organisation of the demo account {@code partner}. */
    private static final String LANGUAGE_SCHOOL = "4f1c8a52-6f0e-4b9a-9a51-2d7c3e0b1a01";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Test
    void withdrawingAConsentStopsThePartnersSightOfTheSharedDataAndGivesTheCaseworkerATask() {
        UUID person = residentPerson();
        String referral = acceptedReferral(person.toString());
        Api partner = Api.as(mvc, "partner");
        assertThat(partner.get("/api/v1/referrals/" + referral).body().get("person").get("name").asString())
            .isNotBlank();

        JsonNode consent = consentOf(referral);
        assertThat(consent.hasNonNull("withdrawnOn")).isFalse();
        assertThat(consent.get("partner").asString()).isEqualTo("Taalschool De Brug");

        long updatesBefore = entries(person, "PORTAL_UPDATE");
        Response withdrawal = Api.as(mvc, "inwoner").post("/api/v1/my/consents/" + referral + "/withdrawal", Map.of());
        assertThat(withdrawal.status()).isEqualTo(200);
        String today = withdrawal.body().get("withdrawnOn").asString();
        assertThat(consentOf(referral).get("withdrawnOn").asString()).isEqualTo(today);
        assertThat(entries(person, "PORTAL_UPDATE")).isEqualTo(updatesBefore + 1);

        JsonNode seen = partner.get("/api/v1/referrals/" + referral).body();
        assertThat(seen.hasNonNull("person")).as("the partner no longer sees the shared data").isFalse();
        assertThat(seen.get("status").asString()).isEqualTo("ACCEPTED");

        Response again = Api.as(mvc, "inwoner").post("/api/v1/my/consents/" + referral + "/withdrawal", Map.of());
        assertThat(again.status()).as("withdrawing twice is answered as done").isEqualTo(200);
        assertThat(again.body().get("withdrawnOn").asString()).isEqualTo(today);
        assertThat(entries(person, "PORTAL_UPDATE")).isEqualTo(updatesBefore + 1);

        String link = "/verwijzingen/" + referral;
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications("begeleider", "CONSENT_WITHDRAWN", link) == 1);
        assertThat(page("begeleider", "/")).contains("de toestemming voor uw verwijzing ingetrokken");
        assertThat(page("begeleider", "/personen/" + person + "/verwijzingen")).contains("ingetrokken door de inwoner");
    }

    @Test
    void theResidentWithdrawsAConsentOnThePagesAfterTheQuestion() throws Exception {
        UUID person = residentPerson();
        String referral = acceptedReferral(person.toString());
        Pages resident = Pages.as(mvc, "inwoner");
        String list = resident.perform(get("/mijn/verwijzingen")).getContentAsString();
        assertThat(list).contains("Taalschool De Brug", "De organisatie heeft u aangenomen.",
                "/mijn/verwijzingen/" + referral + "/intrekken");
        String question = resident.perform(get("/mijn/verwijzingen/" + referral + "/intrekken")).getContentAsString();
        assertThat(question).contains("Toestemming intrekken?", "Ja, trek mijn toestemming in");
        assertThat(withdrawnOn(referral)).isNull();

        MockHttpServletResponse done = resident
            .perform(post("/mijn/verwijzingen/" + referral + "/intrekken").with(csrf()));
        assertThat(done.getRedirectedUrl()).startsWith("/mijn/verwijzingen?ingetrokken=1");
        assertThat(withdrawnOn(referral)).isNotNull();
        assertThat(resident.perform(get("/mijn/verwijzingen?ingetrokken=1")).getContentAsString())
            .contains("Uw toestemming is ingetrokken.", "U hebt deze toestemming ingetrokken op");
    }

    @Test
    void messagesGoBothWaysEachReadOnceByTheOtherSide() throws Exception {
        UUID person = residentPerson();
        owner().sql("delete from portal_message where person_id = :p").param("p", person).update();
        Api resident = Api.as(mvc, "inwoner");
        long updates = entries(person, "PORTAL_UPDATE");
        Response sent = resident.post("/api/v1/my/messages", Map.of("text", "Mag ik de taalles op dinsdag volgen?"));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.body().get("mine").asBoolean()).isTrue();
        assertThat(entries(person, "PORTAL_UPDATE")).isEqualTo(updates + 1);
        String message = sent.body().get("id").asString();
        await().atMost(Duration.ofSeconds(20))
            .until(() -> notifications("begeleider", "RESIDENT_MESSAGE", "/personen/" + person + "/mijn-meedoen") >= 1);

        assertThat(page("begeleider", "/personen/" + person)).contains("1 ongelezen bericht");
        assertThat(page("begeleider", "/")).contains("ongelezen bericht van een inwoner");

        Api caseworker = Api.as(mvc, "begeleider");
        long reads = entries(person, "READ");
        JsonNode first = caseworker.get("/api/v1/persons/" + person + "/messages").body();
        assertThat(first.get("unread").asLong()).isEqualTo(1);
        assertThat(first.get("items").get(0).get("id").asString()).isEqualTo(message);
        assertThat(first.get("items").get(0).get("fromResident").asBoolean()).isTrue();
        assertThat(entries(person, "READ")).isGreaterThan(reads);
        assertThat(caseworker.get("/api/v1/persons/" + person + "/messages").body().get("unread").asLong()).isZero();
        assertThat(page("begeleider", "/personen/" + person)).doesNotContain("ongelezen bericht");

        Response answer = caseworker.post("/api/v1/persons/" + person + "/messages",
                Map.of("text", "Ja, dat kan. Ik zet het in uw plan."));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().get("authorRole").asString()).isEqualTo("CASEWORKER");

        JsonNode mine = resident.get("/api/v1/my/messages").body().get("items");
        assertThat(mine).hasSize(2);
        assertThat(mine.get(1).get("text").asString()).isEqualTo("Ja, dat kan. Ik zet het in uw plan.");
        assertThat(mine.get(1).get("from").asString()).isEqualTo("Begeleider");
        assertThat(mine.get(1).get("unread").asBoolean()).isTrue();
        assertThat(resident.get("/api/v1/my/messages").body().get("items").get(1).get("unread").asBoolean()).isFalse();
        assertThat(caseworker.get("/api/v1/persons/" + person + "/messages")
            .body()
            .get("items")
            .get(1)
            .hasNonNull("readAt")).as("the resident read the answer").isTrue();

        String page = Pages.as(mvc, "inwoner").perform(get("/mijn/berichten")).getContentAsString();
        assertThat(page).contains("Mag ik de taalles op dinsdag volgen?", "Ja, dat kan. Ik zet het in uw plan.");
    }

    @Test
    void aMessageMustHaveTextWithinTheLimit() throws Exception {
        Api resident = Api.as(mvc, "inwoner");
        Response empty = resident.post("/api/v1/my/messages", Map.of("text", "   "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().toString()).contains("text", "Schrijf een bericht.");
        Response tooLong = resident.post("/api/v1/my/messages", Map.of("text", "a".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().toString()).contains("te lang");
        String page = Pages.as(mvc, "inwoner")
            .perform(post("/mijn/berichten").param("text", "").with(csrf()))
            .getContentAsString();
        assertThat(page).contains("Schrijf eerst een bericht.", "aria-invalid=\"true\"");
    }

    @Test
    void staffOfAnotherTeamOrMunicipalityCannotReadOrWriteTheMessages() {
        String person = residentPerson().toString();
        for (String user : List.of("begeleider.oost", "begeleider.dordrecht")) {
            assertThat(Api.as(mvc, user).get("/api/v1/persons/" + person + "/messages").status()).as(user)
                .isEqualTo(404);
            assertThat(
                    Api.as(mvc, user).post("/api/v1/persons/" + person + "/messages", Map.of("text", "Hallo")).status())
                .as(user)
                .isEqualTo(404);
        }
        assertThat(Api.as(mvc, "partner").get("/api/v1/persons/" + person + "/messages").status()).isEqualTo(403);
        assertThat(Api.as(mvc, "inwoner").get("/api/v1/persons/" + person + "/messages").status()).isEqualTo(403);
    }

    @Test
    void aReportedChangeReachesTheFileOnlyWhenTheCaseworkerAcceptsIt() throws Exception {
        UUID person = residentPerson();
        owner().sql("delete from change_request where person_id = :p").param("p", person).update();
        String phoneBefore = column(person, "phone");
        Pages resident = Pages.as(mvc, "inwoner");
        MockHttpServletResponse reported = resident
            .perform(post("/mijn/wijziging").param("phone", "06 1234 5678").with(csrf()));
        assertThat(reported.getRedirectedUrl()).isEqualTo("/mijn/wijziging?gemeld=1");
        assertThat(column(person, "phone")).as("not before the caseworker accepts").isEqualTo(phoneBefore);
        assertThat(resident.perform(get("/mijn/wijziging")).getContentAsString()).contains("06 1234 5678",
                "Wacht op uw begeleider");
        await().atMost(Duration.ofSeconds(20))
            .until(() -> notifications("begeleider", "CHANGE_REPORTED", "/personen/" + person + "/mijn-meedoen") >= 1);

        Pages caseworker = Pages.as(mvc, "begeleider");
        String tab = caseworker.perform(get("/personen/" + person + "/mijn-meedoen")).getContentAsString();
        assertThat(tab).contains("06 1234 5678", "Overnemen in het dossier");
        Map<String, Object> request = pending(person);

        FlashMap stale = flash(caseworker,
                post("/personen/" + person + "/mijn-meedoen/wijzigingen/" + request.get("id") + "/accepteren")
                    .param("version", request.get("version").toString())
                    .param("fileVersion", Integer.toString(fileVersion(person) - 1))
                    .with(csrf()));
        assertThat(stale.get("problem")).isEqualTo("form.stale");
        assertThat(column(person, "phone")).isEqualTo(phoneBefore);
        assertThat(pending(person).get("status")).isEqualTo("PENDING");

        FlashMap accepted = flash(caseworker,
                post("/personen/" + person + "/mijn-meedoen/wijzigingen/" + request.get("id") + "/accepteren")
                    .param("version", request.get("version").toString())
                    .param("fileVersion", Integer.toString(fileVersion(person)))
                    .with(csrf()));
        assertThat(accepted.get("saved")).isEqualTo("portal.file.changeAccepted");
        assertThat(column(person, "phone")).isEqualTo("06 1234 5678");
        assertThat(resident.perform(get("/mijn/wijziging")).getContentAsString())
            .contains("Goedgekeurd: het staat nu in uw dossier");
    }

    @Test
    void aRejectedChangeLeavesTheFileAsItIs() throws Exception {
        UUID person = residentPerson();
        owner().sql("delete from change_request where person_id = :p").param("p", person).update();
        String emailBefore = column(person, "email");
        String streetBefore = column(person, "street");
        Pages resident = Pages.as(mvc, "inwoner");
        resident.perform(post("/mijn/wijziging").param("email", "nieuw.adres@example.org")
            .param("street", "Kerkbuurt")
            .param("houseNumber", "12")
            .param("postcode", "3361bd")
            .param("city", "Sliedrecht")
            .with(csrf()));
        Map<String, Object> request = pending(person);
        FlashMap rejected = flash(Pages.as(mvc, "begeleider"),
                post("/personen/" + person + "/mijn-meedoen/wijzigingen/" + request.get("id") + "/afwijzen")
                    .param("version", request.get("version").toString())
                    .param("note", "Dit adres staat niet in de BRP.")
                    .with(csrf()));
        assertThat(rejected.get("saved")).isEqualTo("portal.file.changeRejected");
        assertThat(column(person, "email")).isEqualTo(emailBefore);
        assertThat(column(person, "street")).isEqualTo(streetBefore);
        assertThat(resident.perform(get("/mijn/wijziging")).getContentAsString())
            .contains("Niet overgenomen: uw dossier is niet veranderd", "Dit adres staat niet in de BRP.");
        FlashMap twice = flash(Pages.as(mvc, "begeleider"),
                post("/personen/" + person + "/mijn-meedoen/wijzigingen/" + request.get("id") + "/accepteren")
                    .param("version", Integer.toString((Integer) request.get("version") + 1))
                    .param("fileVersion", Integer.toString(fileVersion(person)))
                    .with(csrf()));
        assertThat(twice.get("problem")).isEqualTo("portal.change.decided");
        assertThat(column(person, "email")).isEqualTo(emailBefore);
    }

    @Test
    void aChangeTheFilesRulesRefuseIsNotReported() throws Exception {
        UUID person = residentPerson();
        owner().sql("delete from change_request where person_id = :p").param("p", person).update();
        Pages resident = Pages.as(mvc, "inwoner");
        String page = resident
            .perform(post("/mijn/wijziging").param("street", "Kerkbuurt")
                .param("houseNumber", "12")
                .param("postcode", "12345")
                .param("city", "Sliedrecht")
                .with(csrf()))
            .getContentAsString();
        assertThat(page).contains("Deze postcode klopt niet.", "href=\"#postcode\"");
        assertThat(resident.perform(post("/mijn/wijziging").param("street", "Kerkbuurt").with(csrf()))
            .getContentAsString()).contains("Vul het hele adres in");
        assertThat(resident.perform(post("/mijn/wijziging").with(csrf())).getContentAsString())
            .contains("Vul in wat nieuw is");
        assertThat(owner().sql("select count(*) from change_request where person_id = :p")
            .param("p", person)
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void theResidentReachesNoOtherPersonsConsentOrChangeByAnyId() throws Exception {
        UUID own = residentPerson();
        String other = owner().sql("""
                select r.id::text from referral r join municipality m on m.id = r.municipality_id
                where m.code = '0610' and r.person_id <> :p and r.status <> 'DRAFT' and r.consent_given_on is not null
                    and r.consent_withdrawn_on is null
                order by r.id limit 1""").param("p", own).query(String.class).single();
        Api resident = Api.as(mvc, "inwoner");
        assertThat(resident.post("/api/v1/my/consents/" + other + "/withdrawal", Map.of()).status()).isEqualTo(404);
        assertThat(resident.post("/api/v1/my/consents/" + UUID.randomUUID() + "/withdrawal", Map.of()).status())
            .isEqualTo(404);
        assertThat(withdrawnOn(other)).isNull();
        assertThat(resident.get("/api/v1/my/consents").body().toString()).doesNotContain(other);
        Pages pages = Pages.as(mvc, "inwoner");
        assertThat(pages.perform(get("/mijn/verwijzingen/" + other + "/intrekken")).getStatus()).isEqualTo(404);
        assertThat(pages.perform(post("/mijn/verwijzingen/" + other + "/intrekken").with(csrf())).getStatus())
            .isEqualTo(404);
        assertThat(withdrawnOn(other)).isNull();

        String otherPerson = owner().sql("select person_id::text from referral where id = cast(:r as uuid)")
            .param("r", other)
            .query(String.class)
            .single();
        Api.as(mvc, "begeleider")
            .post("/api/v1/persons/" + otherPerson + "/messages", Map.of("text", "Voor een ander"));
        assertThat(resident.get("/api/v1/my/messages").body().toString()).doesNotContain("Voor een ander");
        MockHttpServletResponse staffPage = pages.perform(get("/personen/" + otherPerson + "/mijn-meedoen"));
        assertThat(staffPage.getForwardedUrl()).isEqualTo("/geen-toegang");
        MockHttpServletResponse accept = pages
            .perform(post("/personen/" + own + "/mijn-meedoen/wijzigingen/" + UUID.randomUUID() + "/accepteren")
                .param("version", "0")
                .param("fileVersion", "0")
                .with(csrf()));
        assertThat(accept.getForwardedUrl()).isEqualTo("/geen-toegang");
    }

    /**
     * A referral of the person to the language school, sent with consent and accepted.
     */
    private String acceptedReferral(String person) {
        Api caseworker = Api.as(mvc, "begeleider");
        String provision = null;
        for (JsonNode item : caseworker.get("/api/v1/provisions").body().get("items")) {
            if (provision == null && item.get("partnerId").asString().equals(LANGUAGE_SCHOOL)) {
                provision = item.get("id").asString();
            }
        }
        Response drafted = caseworker.post("/api/v1/referrals",
                Map.of("personId", person, "provisionId", provision, "purpose", "Nederlands leren op B1",
                        "sharedFields", List.of("NAME", "PHONE"), "consent",
                        Map.of("givenOn", LocalDate.now().minusDays(1).toString())));
        assertThat(drafted.status()).isEqualTo(201);
        String id = drafted.body().get("id").asString();
        assertThat(caseworker.post("/api/v1/referrals/" + id + "/sending", Map.of()).status()).isEqualTo(200);
        assertThat(Api.as(mvc, "partner")
            .post("/api/v1/referrals/" + id + "/transitions", Map.of("to", "ACCEPTED"))
            .status()).isEqualTo(200);
        return id;
    }

    private JsonNode consentOf(String referral) {
        for (JsonNode item : Api.as(mvc, "inwoner").get("/api/v1/my/consents").body().get("items")) {
            if (item.get("id").asString().equals(referral)) {
                return item;
            }
        }
        throw new AssertionError("no consent of referral " + referral);
    }

    private String page(String user, String path) {
        try {
            return Pages.as(mvc, user).perform(get(path)).getContentAsString();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private FlashMap flash(Pages pages, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.cookie(pages.cookie())).andReturn().getFlashMap();
    }

    private JdbcClient owner() {
        return JdbcClient.create(ownerDataSource);
    }

    private UUID residentPerson() {
        return owner().sql("""
                select r.person_id from resident_account r join app_user u on u.id = r.account_id
                where u.username = 'inwoner' and u.role = 'RESIDENT'""").query(UUID.class).single();
    }

    private long entries(UUID person, String action) {
        return owner().sql("select count(*) from audit_entry where person_id = :p and action = :a")
            .param("p", person)
            .param("a", action)
            .query(Long.class)
            .single();
    }

    private long notifications(String user, String kind, String link) {
        return owner().sql("""
                select count(*) from notification n join app_user u on u.id = n.recipient_id
                where u.username = :u and n.kind = :k and n.link = :l""")
            .param("u", user)
            .param("k", kind)
            .param("l", link)
            .query(Long.class)
            .single();
    }

    private @Nullable LocalDate withdrawnOn(String referral) {
        return owner().sql("select consent_withdrawn_on from referral where id = cast(:r as uuid)")
            .param("r", referral)
            .query((rs, i) -> rs.getObject(1, LocalDate.class))
            .list()
            .get(0);
    }

    private @Nullable String column(UUID person, String column) {
        return owner().sql("select " + column + " from person where id = :p")
            .param("p", person)
            .query((rs, i) -> rs.getString(1))
            .list()
            .get(0);
    }

    private int fileVersion(UUID person) {
        return owner().sql("select version from person where id = :p").param("p", person).query(Integer.class).single();
    }

    private Map<String, Object> pending(UUID person) {
        return owner().sql("""
                select id, version, status from change_request where person_id = :p
                order by requested_at desc limit 1""").param("p", person).query().singleRow();
    }

}
