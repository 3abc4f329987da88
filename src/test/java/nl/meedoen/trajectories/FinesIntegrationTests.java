package nl.meedoen.trajectories;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The fine as a last resort with its own process (art. 22-23 Wi2021, Awb): proposal,
 * notice with the assessment of blame, the person's view, the team lead's decision within
 * the legal maximum with the objection period; no fine without blame; the no-show ladder
 * only proposes.
 */
@MeedoenIntegrationTest
class FinesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    Api teamLead() {
        return Api.as(mvc, "teamleider");
    }

    @Test
    void aProposalStartsWithItsGroundAndFactsAndNeedsBoth() {
        String person = person();

        Response created = caseworker().post(fines(person),
                Map.of("ground", "PVT", "facts", "Drie workshops van het PVT gemist zonder bericht."));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("status").asString()).isEqualTo("PROPOSED");
        assertThat(created.body().get("id").asString()).isNotBlank();

        Response noFacts = caseworker().post(fines(person), Map.of("ground", "PVT"));
        assertThat(noFacts.status()).isEqualTo(400);
        assertThat(noFacts.body().toString()).contains("facts").contains("feiten");
        Response unknownGround = caseworker().post(fines(person), Map.of("ground", "PARKING", "facts", "x"));
        assertThat(unknownGround.status()).isEqualTo(400);
        assertThat(caseworker().get(fines(person)).body()).hasSize(1);
    }

    @Test
    void eachStepFollowsTheOneBeforeFromProposalToDecisionWithTheObjectionPeriod() {
        String person = person();
        String fine;
        try (var day = clock.fixedAt(LocalDate.of(2026, 1, 12))) {
            fine = propose(person, null);
        }
        assertThat(step(caseworker(), person, fine, Map.of("to", "DECIDED", "amount", 100, "blameAssessment", "x"))
            .status()).isEqualTo(409);
        assertThat(step(caseworker(), person, fine, Map.of("to", "VIEW_RECORDED", "view", "x")).status())
            .isEqualTo(409);

        try (var day = clock.fixedAt(LocalDate.of(2026, 1, 15))) {
            Response notice = step(caseworker(), person, fine,
                    Map.of("to", "NOTICE_SENT", "blameAssessment", "Wist van de afspraak, geen bericht gegeven."));
            assertThat(notice.status()).isEqualTo(200);
            assertThat(notice.body().get("status").asString()).isEqualTo("NOTICE_SENT");
            assertThat(step(caseworker(), person, fine, Map.of("to", "NOTICE_SENT", "blameAssessment", "x")).status())
                .isEqualTo(409);
        }
        try (var day = clock.fixedAt(LocalDate.of(2026, 1, 29))) {
            Response view = step(caseworker(), person, fine,
                    Map.of("to", "VIEW_RECORDED", "view", "Ik was de brief kwijt."));
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.body().get("view").asString()).isEqualTo("Ik was de brief kwijt.");
        }
        try (var day = clock.fixedAt(LocalDate.of(2026, 2, 2))) {
            Response decided = step(teamLead(), person, fine, Map.of("to", "DECIDED", "amount", 250, "blameAssessment",
                    "De brief kwijt zijn is geen goede reden; er kwam ook een herinnering."));
            assertThat(decided.status()).isEqualTo(200);
            JsonNode body = decided.body();
            assertThat(body.get("status").asString()).isEqualTo("DECIDED");
            assertThat(body.get("amount").asInt()).isEqualTo(250);
            assertThat(body.get("legalMaximum").asInt()).isEqualTo(800);
            assertThat(body.get("decidedOn").asString()).isEqualTo("2026-02-02");
            assertThat(body.get("objectionDeadline").asString()).isEqualTo("2026-03-16");
            assertThat(body.get("nextSteps")).isEmpty();
            assertThat(body.get("history").findValuesAsString("status")).containsExactly("PROPOSED", "NOTICE_SENT",
                    "VIEW_RECORDED", "DECIDED");
        }
        assertThat(step(caseworker(), person, fine, Map.of("to", "WITHDRAWN", "reason", "te laat")).status())
            .isEqualTo(409);
        Response read = caseworker().get(fines(person) + "/" + fine);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("history")).hasSize(4);
    }

    @Test
    void aFineAboveTheLegalMaximumIsRefusedWithAMessageNamingIt() {
        String person = person();
        String fine = atViewRecorded(person, null);

        Response above = step(teamLead(), person, fine,
                Map.of("to", "DECIDED", "amount", 801, "blameAssessment", "Verwijtbaar."));
        assertThat(above.status()).isEqualTo(400);
        assertThat(above.body().toString()).contains("amount").contains("wettelijke maximum van € 800");
        assertThat(caseworker().get(fines(person) + "/" + fine).body().get("status").asString())
            .isEqualTo("VIEW_RECORDED");

        Response atMaximum = step(teamLead(), person, fine,
                Map.of("to", "DECIDED", "amount", 800, "blameAssessment", "Verwijtbaar."));
        assertThat(atMaximum.status()).isEqualTo(200);
        assertThat(atMaximum.body().get("amount").asInt()).isEqualTo(800);
    }

    @Test
    void noFineWithoutBlameAGoodReasonEndsTheProposalWithoutAFine() {
        String person = person();
        String fine = atViewRecorded(person, null);

        Response withoutAssessment = step(teamLead(), person, fine, Map.of("to", "DECIDED", "amount", 100));
        assertThat(withoutAssessment.status()).isEqualTo(400);
        assertThat(withoutAssessment.body().toString()).contains("blameAssessment");

        Response notToBlame = step(caseworker(), person, fine,
                Map.of("to", "NOT_BLAMEWORTHY", "reason", "Lag in het ziekenhuis; verklaring van de huisarts."));
        assertThat(notToBlame.status()).isEqualTo(200);
        assertThat(notToBlame.body().get("status").asString()).isEqualTo("NOT_BLAMEWORTHY");
        assertThat(notToBlame.body().has("amount")).isFalse();

        Response decideAfterwards = step(teamLead(), person, fine,
                Map.of("to", "DECIDED", "amount", 100, "blameAssessment", "Toch verwijtbaar."));
        assertThat(decideAfterwards.status()).isEqualTo(409);
        assertThat(decideAfterwards.body().toString()).contains("kan nu niet");
    }

    @Test
    void onlyATeamLeadDecidesAFine() {
        String person = person();
        String fine = atViewRecorded(person, null);

        Response byCaseworker = step(caseworker(), person, fine,
                Map.of("to", "DECIDED", "amount", 100, "blameAssessment", "Verwijtbaar."));
        assertThat(byCaseworker.status()).isEqualTo(403);
        assertThat(caseworker().get(fines(person) + "/" + fine).body().get("status").asString())
            .isEqualTo("VIEW_RECORDED");
    }

    @Test
    void anAmountBelowTheProposalIsReducedOnlyWithTheReasonOfCapacityToPay() {
        String person = person();
        String fine = atViewRecorded(person, 250);

        Response noReason = step(teamLead(), person, fine,
                Map.of("to", "DECIDED", "amount", 100, "blameAssessment", "Verwijtbaar."));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().toString()).contains("reductionReason");

        Response reduced = step(teamLead(), person, fine, Map.of("to", "DECIDED", "amount", 100, "blameAssessment",
                "Verwijtbaar.", "reductionReason", "Alleen bijstand, schulden bij de kredietbank."));
        assertThat(reduced.status()).isEqualTo(200);
        assertThat(reduced.body().get("reductionReason").asString()).contains("kredietbank");
    }

    @Test
    void aStaleVersionIsRefusedAndIfMatchIsOptional() {
        String person = person();
        String fine = propose(person, null);
        String etag = caseworker().get(fines(person) + "/" + fine).header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        Response withVersion = step(caseworker(), person, fine, Map.of("to", "NOTICE_SENT", "blameAssessment", "x"),
                etag);
        assertThat(withVersion.status()).isEqualTo(200);
        assertThat(withVersion.header("ETag")).isEqualTo("\"1\"");
        Response stale = step(caseworker(), person, fine, Map.of("to", "VIEW_RECORDED", "viewGiven", false), etag);
        assertThat(stale.status()).isEqualTo(412);
        Response noView = step(caseworker(), person, fine, Map.of("to", "VIEW_RECORDED", "viewGiven", false));
        assertThat(noView.status()).isEqualTo(200);
        assertThat(noView.body().get("viewGiven").asBoolean()).isFalse();
    }

    @Test
    void theIncomeServiceFlagRecordsWhetherTheFineOrTheBenefitSanctionWasChosen() {
        String person = person();
        Response flagged = caseworker().post(fines(person),
                Map.of("ground", "MAP", "facts", "MAP-praktijkdeel niet gevolgd.", "benefitSanctionPossible", true));
        String fine = flagged.body().get("id").asString();
        assertThat(flagged.body().get("benefitSanctionPossible").asBoolean()).isTrue();

        Response benefitInstead = step(caseworker(), person, fine, Map.of("to", "WITHDRAWN", "reason",
                "Maatregel op de bijstand door Werk en inkomen.", "sanctionChoice", "BENEFIT_SANCTION"));
        assertThat(benefitInstead.status()).isEqualTo(200);
        assertThat(benefitInstead.body().get("sanctionChoice").asString()).isEqualTo("BENEFIT_SANCTION");

        String unflagged = propose(person, null);
        Response notFlagged = step(caseworker(), person, unflagged,
                Map.of("to", "WITHDRAWN", "reason", "x", "sanctionChoice", "BENEFIT_SANCTION"));
        assertThat(notFlagged.status()).isEqualTo(400);

        String decided = caseworker()
            .post(fines(person),
                    Map.of("ground", "MAP", "facts", "Opnieuw niet gevolgd.", "benefitSanctionPossible", true))
            .body()
            .get("id")
            .asString();
        step(caseworker(), person, decided, Map.of("to", "NOTICE_SENT", "blameAssessment", "Verwijtbaar."));
        step(caseworker(), person, decided, Map.of("to", "VIEW_RECORDED", "viewGiven", false));
        Response fineChosen = step(teamLead(), person, decided,
                Map.of("to", "DECIDED", "amount", 150, "blameAssessment", "Verwijtbaar."));
        assertThat(fineChosen.body().get("sanctionChoice").asString()).isEqualTo("FINE");
    }

    @Test
    void theNoShowLadderProposesAFineButNeverDecidesIt() {
        String person = person();
        LocalDate first = LocalDate.now().minusWeeks(6);
        String appointment = schedule(person, first);
        Response warning = noShow(person, appointment, first.plusWeeks(1));
        assertThat(caseworker().get(fines(person)).body()).isEmpty();

        Response second = noShow(person, warning.body().get("newInvitation").get("id").asString(), first.plusWeeks(2));
        assertThat(second.body().get("consequence").asString()).isEqualTo("FINE_PROPOSAL");

        JsonNode list = caseworker().get(fines(person)).body();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("status").asString()).isEqualTo("PROPOSED");
        assertThat(list.get(0).get("ground").asString()).isEqualTo("INTAKE");
        assertThat(list.get(0).get("proposedAmount").asInt()).isEqualTo(250);
        assertThat(list.get(0).get("appointmentId").asString())
            .isEqualTo(warning.body().get("newInvitation").get("id").asString());
        assertThat(list.get(0).has("amount")).isFalse();
    }

    @Test
    void everyStepIsLoggedWithThePersonAndReadsOfTheFinesToo() {
        String person = person();
        int before = logged(person, "TRAJECTORY_UPDATE");
        String fine = propose(person, null);
        step(caseworker(), person, fine, Map.of("to", "WITHDRAWN", "reason", "Toch meegewerkt."));
        assertThat(logged(person, "TRAJECTORY_UPDATE")).isEqualTo(before + 2);

        int reads = logged(person, "TRAJECTORY_READ");
        caseworker().get(fines(person));
        caseworker().get(fines(person) + "/" + fine);
        assertThat(logged(person, "TRAJECTORY_READ")).isEqualTo(reads + 2);
    }

    @Test
    void anotherMunicipalitysCaseworkerFindsNoFine() {
        String person = person();
        String fine = propose(person, null);

        Api dordrecht = Api.as(mvc, "begeleider.dordrecht");
        assertThat(dordrecht.get(fines(person)).status()).isEqualTo(404);
        assertThat(dordrecht.get(fines(person) + "/" + fine).status()).isEqualTo(404);
        assertThat(step(dordrecht, person, fine, Map.of("to", "WITHDRAWN", "reason", "x")).status()).isEqualTo(404);
    }

    @Test
    void theFinesTabListsTheProcessAndTakesItsSteps() throws Exception {
        String person = person();
        String fine = propose(person, 300);
        Pages pages = Pages.as(mvc, "begeleider");
        String path = "/personen/" + person + "/traject/boetes";

        assertThat(text(pages.perform(get(path)))).contains("Boetes van")
            .contains("Niet meewerken aan de brede intake")
            .contains("Voorgesteld");
        assertThat(text(pages.perform(get(path + "/" + fine)))).contains("Verloop").contains("Voornemen versturen");

        MockHttpServletResponse refused = pages
            .perform(post(path + "/" + fine).with(csrf()).param("to", "NOTICE_SENT").param("version", "0"));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(text(refused)).contains("Leg vast waarom de persoon dit te verwijten valt");

        MockHttpServletResponse sent = pages.perform(post(path + "/" + fine).with(csrf())
            .param("to", "NOTICE_SENT")
            .param("blameAssessment", "Geen bericht gegeven.")
            .param("version", "0"));
        assertThat(sent.getStatus()).isEqualTo(302);
        assertThat(text(pages.perform(get(path + "/" + fine)))).contains("Voornemen verstuurd")
            .contains("Zienswijze vastleggen");

        MockHttpServletResponse proposed = pages.perform(post(path).with(csrf())
            .param("ground", "LEARNING_ROUTE")
            .param("facts", "Twee maanden niet naar de taalles."));
        assertThat(proposed.getStatus()).isEqualTo(302);
        assertThat(caseworker().get(fines(person)).body()).hasSize(2);
    }

    private String atViewRecorded(String person, Integer proposedAmount) {
        String fine = propose(person, proposedAmount);
        assertThat(step(caseworker(), person, fine, Map.of("to", "NOTICE_SENT", "blameAssessment", "Verwijtbaar."))
            .status()).isEqualTo(200);
        assertThat(step(caseworker(), person, fine, Map.of("to", "VIEW_RECORDED", "view", "Geen reden.")).status())
            .isEqualTo(200);
        return fine;
    }

    private String propose(String person, Integer proposedAmount) {
        Map<String, Object> body = new HashMap<>(
                Map.of("ground", "INTAKE", "facts", "Niet verschenen op de brede intake van 12-01-2026."));
        if (proposedAmount != null) {
            body.put("proposedAmount", proposedAmount);
        }
        Response created = caseworker().post(fines(person), body);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private Response step(Api api, String person, String fine, Map<String, Object> body) {
        return api.post(fines(person) + "/" + fine + "/transitions", body);
    }

    private Response step(Api api, String person, String fine, Map<String, Object> body, String ifMatch) {
        return api.perform(post(fines(person) + "/" + fine + "/transitions").contentType(MediaType.APPLICATION_JSON)
            .content(Api.JSON.writeValueAsString(body))
            .header("If-Match", ifMatch));
    }

    private int logged(String person, String action) {
        return new JdbcTemplate(ownerDataSource).queryForObject(
                "select count(*) from audit_entry where person_id = ?::uuid and action = ?", Integer.class, person,
                action);
    }

    private String schedule(String person, LocalDate on) {
        Response scheduled = caseworker().post("/api/v1/persons/" + person + "/intake/appointments",
                Map.of("scheduledOn", on.toString()));
        assertThat(scheduled.status()).isEqualTo(201);
        return scheduled.body().get("id").asString();
    }

    private Response noShow(String person, String appointment, LocalDate newInvitation) {
        return caseworker().post("/api/v1/persons/" + person + "/intake/appointments/" + appointment + "/outcome",
                Map.of("outcome", "NO_SHOW", "newInvitationOn", newInvitation.toString()), "\"0\"");
    }

    private String person() {
        Response created = caseworker().post("/api/v1/persons", Api.person("Boete", "Testpersoon"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static String fines(String person) {
        return "/api/v1/persons/" + person + "/fines";
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

}
