package nl.meedoen.housing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A match as a file: the move period runs from the lease start, and a cancelled match
 * frees its persons for a new match and leaves the quota figures right.
 */
@MeedoenIntegrationTest
class HousingMatchFileIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    Api teamLead() {
        return Api.as(mvc, "teamleider");
    }

    @ParameterizedTest(name = "lease from {1}: moved by {2}")
    @CsvSource({ "1982-01-04, 1982-01-31, 1982-02-14", "1984-02-01, 1984-02-15, 1984-02-29",
            "1985-02-01, 1985-02-28, 1985-03-14", "1986-12-01, 1986-12-31, 1987-01-14",
            "1987-03-02, 1987-03-02, 1987-03-16" })
    void theMovePeriodRunsTwoWeeksFromTheLeaseStartAcrossMonthEnds(String matchDate, String leaseStart,
            String movedBy) {
        String match = match(persons(1), matchDate);
        Response read = caseworker().get("/api/v1/matches/" + match);
        assertThat(read.body().get("moveDeadlineBasis").get("rule").asString())
            .isEqualTo("MOVE_WEEKS_FROM_HOUSING_DEADLINE");

        Response lease = caseworker().put("/api/v1/matches/" + match + "/lease-start", Map.of("leaseStart", leaseStart),
                read.header("ETag"));

        assertThat(lease.status()).isEqualTo(200);
        JsonNode body = lease.body();
        assertThat(body.get("leaseStart").asString()).isEqualTo(leaseStart);
        assertThat(body.get("moveDeadline").asString()).isEqualTo(movedBy);
        assertThat(body.get("moveDeadlineBasis").get("rule").asString()).isEqualTo("MOVE_WEEKS_FROM_LEASE_START");
        assertThat(body.get("moveDeadlineBasis").get("inputs").get("leaseStart").asString()).isEqualTo(leaseStart);
        assertThat(body.get("moveDeadlineBasis").get("explanation").asString()).isEqualTo(
                "2 weken na de start van het huurcontract op " + dutch(leaseStart) + " (instelling van de gemeente)");
    }

    @Test
    void theLeaseStartNeedsTheVersionAndDoesNotPrecedeTheMatch() {
        String match = match(persons(1), "1983-05-02");
        String etag = caseworker().get("/api/v1/matches/" + match).header("ETag");

        assertThat(
                caseworker().put("/api/v1/matches/" + match + "/lease-start", Map.of("leaseStart", "1983-06-01"), null)
                    .status())
            .isEqualTo(428);
        Response early = caseworker().put("/api/v1/matches/" + match + "/lease-start",
                Map.of("leaseStart", "1983-05-01"), etag);
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body().toString()).contains("leaseStart").contains("vóór de koppelingsdatum");
        assertThat(
                caseworker().put("/api/v1/matches/" + match + "/lease-start", Map.of("leaseStart", "1983-06-01"), etag)
                    .status())
            .isEqualTo(200);
        assertThat(
                caseworker().put("/api/v1/matches/" + match + "/lease-start", Map.of("leaseStart", "1983-06-08"), etag)
                    .status())
            .isEqualTo(412);
    }

    @Test
    void aCancelledMatchFreesItsPersonsForANewMatchAndLeavesTheQuotaFiguresRight() {
        put("1981-H1", 4);
        put("1981-H2", 3);
        List<String> household = persons(2);
        JsonNode before = ledger();

        String first = match(household, "1981-02-02");
        assertThat(ledger()).isEqualTo(before);
        assertThat(caseworker().post("/api/v1/matches", Map.of("personIds", household, "matchDate", "1981-03-02"))
            .status()).isEqualTo(409);

        Response cancelled = caseworker().post("/api/v1/matches/" + first + "/cancellation",
                Map.of("reason", "HOUSED_ELSEWHERE"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("cancelled").asBoolean()).isTrue();
        assertThat(cancelled.body().get("cancelReason").asString()).isEqualTo("HOUSED_ELSEWHERE");
        assertThat(ledger()).isEqualTo(before);
        assertThat(waitingListHas(first)).isFalse();
        assertThat(
                caseworker().post("/api/v1/matches/" + first + "/cancellation", Map.of("reason", "MOVED_ON")).status())
            .isEqualTo(409);

        String second = match(household, "1981-05-04");
        assertThat(waitingListHas(second)).isTrue();
        assertThat(
                caseworker().post("/api/v1/placements", Map.of("personIds", household, "keyHandoverDate", "1981-07-01"))
                    .status())
            .isEqualTo(201);

        JsonNode after = ledger();
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(1).get("housed").asInt()).isEqualTo(before.get(1).get("housed").asInt() + 2);
        assertThat(after.get(1).get("balance").asInt()).isEqualTo(before.get(1).get("balance").asInt() - 2);
        assertThat(
                caseworker().post("/api/v1/matches/" + second + "/cancellation", Map.of("reason", "MOVED_ON")).status())
            .isEqualTo(409);
        assertThat(caseworker().get("/api/v1/matches/" + first).body().get("placed").asBoolean()).isFalse();
    }

    @Test
    void anotherReasonNeedsItsNoteAndEveryCancellationIsLoggedForEachPerson() {
        List<String> household = persons(2);
        String match = match(household, "1988-03-07");
        long logged = logged(household.get(0));

        Response withoutNote = caseworker().post("/api/v1/matches/" + match + "/cancellation",
                Map.of("reason", "OTHER"));
        assertThat(withoutNote.status()).isEqualTo(400);
        assertThat(withoutNote.body().toString()).contains("note");
        assertThat(caseworker().post("/api/v1/matches/" + match + "/cancellation", Map.of("reason", "LOST")).status())
            .isEqualTo(400);
        assertThat(caseworker()
            .post("/api/v1/matches/" + match + "/cancellation",
                    Map.of("reason", "OTHER", "note", "Gezin is herenigd bij familie in Duitsland."))
            .status()).isEqualTo(200);

        assertThat(logged(household.get(0))).isEqualTo(logged + 1);
        assertThat(logged(household.get(1))).isEqualTo(logged(household.get(0)));
        assertThat(Api.as(mvc, "begeleider.dordrecht").get("/api/v1/matches/" + match).status()).isEqualTo(404);
        assertThat(Api.as(mvc, "beleid").get("/api/v1/matches/" + match).status()).isEqualTo(403);
    }

    @Test
    void theMatchPageExplainsTheDeadlinesAndCancelsTheMatch() throws Exception {
        List<String> household = persons(1);
        String match = match(household, "1989-04-03");
        Pages pages = Pages.as(mvc, "begeleider");

        String page = text(pages.perform(get("/huisvesting/koppelingen/" + match)));
        assertThat(page).contains("Koppeling van 03-04-1989")
            .contains("10 weken na de koppeling op 03-04-1989")
            .contains("Koppeling annuleren");

        MockHttpServletResponse lease = pages
            .perform(post("/huisvesting/koppelingen/" + match + "/huurcontract").with(csrf())
                .param("leaseStart", "1989-05-31")
                .param("version", "0"));
        assertThat(lease.getStatus()).isEqualTo(302);
        assertThat(text(pages.perform(get("/huisvesting/koppelingen/" + match))))
            .contains("2 weken na de start van het huurcontract op 31-05-1989")
            .contains("14-06-1989");

        MockHttpServletResponse refused = pages
            .perform(post("/huisvesting/koppelingen/" + match + "/annulering").with(csrf()).param("version", "1"));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(text(refused)).contains("Kies de reden van de annulering");
        MockHttpServletResponse cancelled = pages
            .perform(post("/huisvesting/koppelingen/" + match + "/annulering").with(csrf())
                .param("reason", "MOVED_ON")
                .param("version", "1"));
        assertThat(cancelled.getStatus()).isEqualTo(302);
        assertThat(text(pages.perform(get("/huisvesting/koppelingen/" + match)))).contains("geannuleerd op");
    }

    private JsonNode ledger() {
        return teamLead().get("/api/v1/housing-quota?from=1981&to=1981").body().get("items");
    }

    private boolean waitingListHas(String match) {
        return caseworker().get("/api/v1/matches").body().get("items").findValuesAsString("matchId").contains(match);
    }

    private String match(List<String> persons, String on) {
        Response match = caseworker().post("/api/v1/matches", Map.of("personIds", persons, "matchDate", on));
        assertThat(match.status()).isEqualTo(201);
        return match.body().get("id").asString();
    }

    /**
     * Sets the period's official figure, correcting it (with its version) when another
     * test set it first.
     */
    private void put(String period, int official) {
        Response current = teamLead().get("/api/v1/housing-quota/" + period);
        String version = current.status() == 200 ? current.header("ETag") : null;
        assertThat(teamLead()
            .put("/api/v1/housing-quota/" + period, Map.of("official", official, "source", "Circulaire " + period),
                    version)
            .status()).isEqualTo(200);
    }

    private List<String> persons(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Response created = caseworker().post("/api/v1/persons", Api.person("Koppeling", "Testpersoon"));
            assertThat(created.status()).isEqualTo(201);
            ids.add(created.body().get("id").asString());
        }
        return ids;
    }

    private long logged(String person) {
        return JdbcClient.create(ownerDataSource)
            .sql("select count(*) from audit_entry where person_id = cast(:p as uuid) and action = 'MATCH'")
            .param("p", person)
            .query(Long.class)
            .single();
    }

    private static String dutch(String iso) {
        return iso.substring(8) + "-" + iso.substring(5, 7) + "-" + iso.substring(0, 4);
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

}
