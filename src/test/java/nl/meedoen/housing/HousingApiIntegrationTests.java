package nl.meedoen.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The housing API contract. The tests share one database with the demo data and each
 * other, so each works in periods of its own, far in the past, and asserts on what it
 * changed.
 */
@MeedoenIntegrationTest
class HousingApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    Api teamLead() {
        return Api.as(mvc, "teamleider");
    }

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    @Test
    void officialFigureIsStoredAndTheBalanceFollowsFromIt() {
        Response saved = teamLead().put("/api/v1/housing-quota/1931-H1",
                Map.of("official", 12, "source", "Circulaire eerste helft 1931"), null);

        assertThat(saved.status()).isEqualTo(200);
        JsonNode period = teamLead().get("/api/v1/housing-quota/1931-H1").body();
        assertThat(period.get("period").asString()).isEqualTo("1931-H1");
        assertThat(period.get("official").asInt()).isEqualTo(12);
        assertThat(period.get("housed").asInt()).isZero();
        assertThat(period.get("balance").asInt()).isEqualTo(12 + period.get("carriedIn").asInt());
        assertThat(period.propertyNames()).containsExactlyInAnyOrder("period", "official", "housed", "carriedIn",
                "balance");
    }

    @Test
    void carriesTheBalanceAcrossSeveralPeriodsAndRecomputesAfterACorrectionInThePast() {
        put("1941-H1", 5);
        put("1941-H2", 4);
        put("1942-H1", 6);
        List<String> household = persons(3);
        assertThat(caseworker().post("/api/v1/matches", Map.of("personIds", household, "matchDate", "1941-02-01"))
            .status()).isEqualTo(201);
        assertThat(caseworker()
            .post("/api/v1/placements",
                    Map.of("personIds", household, "keyHandoverDate", "1941-08-15", "address", "Kerkbuurt 1"))
            .status()).isEqualTo(201);

        JsonNode items = teamLead().get("/api/v1/housing-quota?from=1941&to=1942").body().get("items");
        assertThat(items).hasSize(3);
        int base = items.get(0).get("carriedIn").asInt();
        assertThat(items.get(0).get("balance").asInt()).isEqualTo(base + 5);
        assertThat(items.get(1).get("carriedIn").asInt()).isEqualTo(base + 5);
        assertThat(items.get(1).get("housed").asInt()).isEqualTo(3);
        assertThat(items.get(1).get("balance").asInt()).isEqualTo(base + 5 + 4 - 3);
        assertThat(items.get(2).get("carriedIn").asInt()).isEqualTo(base + 6);
        assertThat(items.get(2).get("balance").asInt()).isEqualTo(base + 12);

        put("1941-H1", 2);

        JsonNode corrected = teamLead().get("/api/v1/housing-quota/1942-H1").body();
        assertThat(corrected.get("carriedIn").asInt()).isEqualTo(base + 3);
        assertThat(corrected.get("balance").asInt()).isEqualTo(base + 9);
    }

    @Test
    void listsPeriodsInPeriodOrder() {
        put("1951-H2", 3);
        put("1951-H1", 2);
        put("1950", 7);

        JsonNode items = teamLead().get("/api/v1/housing-quota?from=1950&to=1951").body().get("items");

        assertThat(items).extracting(item -> item.get("period").asString())
            .containsExactly("1950", "1951-H1", "1951-H2");
    }

    @Test
    void matchHasItsDeadlinesTenAndTwelveWeeksAfterTheMatchDate() {
        Response match = caseworker().post("/api/v1/matches",
                Map.of("personIds", persons(2), "matchDate", "1961-03-06"));

        assertThat(match.status()).isEqualTo(201);
        assertThat(match.body().get("id").asString()).isNotBlank();
        assertThat(match.body().get("housingDeadline").asString()).isEqualTo("1961-05-15");
        assertThat(match.body().get("moveDeadline").asString()).isEqualTo("1961-05-29");
    }

    @Test
    void placementCountsTowardThePeriodOfTheKeyHandover() {
        put("1971-H1", 1);
        put("1971-H2", 1);
        List<String> person = persons(1);
        caseworker().post("/api/v1/matches", Map.of("personIds", person, "matchDate", "1971-05-01"));

        Response placed = caseworker().post("/api/v1/placements",
                Map.of("personIds", person, "keyHandoverDate", "1971-07-01"));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().get("period").asString()).isEqualTo("1971-H2");
        assertThat(teamLead().get("/api/v1/housing-quota/1971-H1").body().get("housed").asInt()).isZero();
        assertThat(teamLead().get("/api/v1/housing-quota/1971-H2").body().get("housed").asInt()).isEqualTo(1);
    }

    @Test
    void placementInAYearOnRecordAsAYearlyFigureCountsTowardThatYear() {
        put("1966", 4);
        List<String> person = persons(1);
        caseworker().post("/api/v1/matches", Map.of("personIds", person, "matchDate", "1966-08-01"));

        Response placed = caseworker().post("/api/v1/placements",
                Map.of("personIds", person, "keyHandoverDate", "1966-09-15"));

        assertThat(placed.body().get("period").asString()).isEqualTo("1966");
        assertThat(teamLead().get("/api/v1/housing-quota/1966").body().get("housed").asInt()).isEqualTo(1);
        assertThat(teamLead().put("/api/v1/housing-quota/1966-H2", Map.of("official", 1, "source", "x"), null).status())
            .isEqualTo(409);
    }

    @Test
    void aPersonIsPlacedOnlyOnce() {
        List<String> person = persons(1);
        caseworker().post("/api/v1/matches", Map.of("personIds", person, "matchDate", "1972-01-10"));
        caseworker().post("/api/v1/placements", Map.of("personIds", person, "keyHandoverDate", "1972-02-01"));

        Response again = caseworker().post("/api/v1/placements",
                Map.of("personIds", person, "keyHandoverDate", "1972-03-01"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asString()).contains("al gehuisvest");
    }

    @Test
    void familyReunificationCountsByDefault() {
        put("1973-H1", 2);
        List<String> person = persons(1);
        caseworker().post("/api/v1/matches",
                Map.of("personIds", person, "matchDate", "1973-01-10", "familyReunification", true));
        caseworker().post("/api/v1/placements", Map.of("personIds", person, "keyHandoverDate", "1973-02-01"));

        assertThat(teamLead().get("/api/v1/housing-quota/1973-H1").body().get("housed").asInt()).isEqualTo(1);
    }

    @Test
    void forecastAddsUpExactlyAndNamesItsRule() {
        Response forecast = teamLead().post("/api/v1/housing-quota/forecasts", Map.of("period", "2022-H2",
                "nationalTotal", 10, "populations", Map.of("0610", 100, "0590", 100, "0505", 100)));

        assertThat(forecast.status()).isEqualTo(200);
        assertThat(forecast.body().get("method").asString()).isEqualTo("largest-remainder");
        JsonNode allocations = forecast.body().get("allocations");
        assertThat(allocations.get("0505").asInt() + allocations.get("0590").asInt() + allocations.get("0610").asInt())
            .isEqualTo(10);
        assertThat(allocations.get("0505").asInt()).isEqualTo(4);
    }

    @Test
    void aForecastNeverReplacesTheOfficialFigure() {
        put("1981-H1", 9);

        teamLead().post("/api/v1/housing-quota/forecasts",
                Map.of("period", "1981-H1", "nationalTotal", 1000, "populations", Map.of("0610", 1)));

        assertThat(teamLead().get("/api/v1/housing-quota/1981-H1").body().get("official").asInt()).isEqualTo(9);
    }

    // Bad input

    @ParameterizedTest
    @ValueSource(strings = { "2024-H3", "24-H1" })
    void refusesAPeriodThatDoesNotExist(String period) {
        Response put = teamLead().put("/api/v1/housing-quota/" + period, Map.of("official", 1, "source", "x"), null);
        Response get = teamLead().get("/api/v1/housing-quota/" + period);

        assertThat(put.status()).isEqualTo(400);
        assertThat(get.status()).isEqualTo(400);
        assertThat(put.body().get("errors").get(0).get("field").asString()).isEqualTo("period");
        assertThat(put.body().get("errors").get(0).get("message").asString()).contains("JJJJ-H1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "2.5", "\"veel\"" })
    void refusesAnOfficialFigureThatIsNotAWholeNumberOfZeroOrMore(String number) {
        Response response = teamLead().put("/api/v1/housing-quota/1991-H1",
                "{\"official\": " + number + ", \"source\": \"Circulaire\"}", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("official");
        assertThat(teamLead().get("/api/v1/housing-quota/1991-H1").body().get("official").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"period\": \"2025-H1\", \"nationalTotal\": -5, \"populations\": {\"0610\": 10}}",
            "{\"period\": \"2025-H1\", \"nationalTotal\": 10.5, \"populations\": {\"0610\": 10}}",
            "{\"period\": \"2025-H1\", \"nationalTotal\": 10, \"populations\": {\"0610\": -10}}",
            "{\"period\": \"2025-H1\", \"nationalTotal\": 10, \"populations\": {\"0610\": 10.5}}",
            "{\"period\": \"2025-H3\", \"nationalTotal\": 10, \"populations\": {\"0610\": 10}}" })
    void refusesAForecastWithNegativeOrFractionalNumbersOrABadPeriod(String body) {
        assertThat(teamLead().post("/api/v1/housing-quota/forecasts", body).status()).isEqualTo(400);
    }

    @Test
    void refusesAKeyHandoverBeforeTheMatchDateAndStoresNothing() {
        List<String> person = persons(1);
        caseworker().post("/api/v1/matches", Map.of("personIds", person, "matchDate", "1974-05-01"));

        Response placed = caseworker().post("/api/v1/placements",
                Map.of("personIds", person, "keyHandoverDate", "1974-04-30"));

        assertThat(placed.status()).isEqualTo(400);
        assertThat(placed.body().get("errors").get(0).get("field").asString()).isEqualTo("keyHandoverDate");
        assertThat(placementsOf(person.get(0))).isZero();
    }

    @Test
    void anUnknownPersonIsNotFoundAndNothingIsStored() {
        List<String> known = persons(1);
        Response match = caseworker().post("/api/v1/matches", Map.of("personIds",
                List.of(known.get(0), "00000000-0000-0000-0000-000000000001"), "matchDate", "1975-01-01"));

        assertThat(match.status()).isEqualTo(404);
        assertThat(matchesOf(known.get(0))).isZero();
    }

    @Test
    void anotherMunicipalitysPersonIsNotFound() {
        String dordrecht = Api.as(mvc, "begeleider.dordrecht")
            .post("/api/v1/persons", Api.person("Selam", "Dordtse"))
            .body()
            .get("id")
            .asString();

        Response match = caseworker().post("/api/v1/matches",
                Map.of("personIds", List.of(dordrecht), "matchDate", "1975-01-01"));
        Response placement = caseworker().post("/api/v1/placements",
                Map.of("personIds", List.of(dordrecht), "keyHandoverDate", "1975-01-01"));

        assertThat(match.status()).isEqualTo(404);
        assertThat(placement.status()).isEqualTo(404);
    }

    @Test
    void policyOfficerReadsQuotaFiguresButNotTheWaitingList() {
        Api policy = Api.as(mvc, "beleid");

        assertThat(policy.get("/api/v1/housing-quota?from=2013&to=2026").status()).isEqualTo(200);
        assertThat(policy.get("/api/v1/matches").status()).isEqualTo(403);
        assertThat(policy.post("/api/v1/matches", Map.of("personIds", persons(1), "matchDate", "1976-01-01")).status())
            .isEqualTo(403);
        assertThat(policy.put("/api/v1/housing-quota/1976-H1", Map.of("official", 1, "source", "x"), null).status())
            .isEqualTo(403);
    }

    @Test
    void caseworkerCannotEnterOfficialFigures() {
        assertThat(
                caseworker().put("/api/v1/housing-quota/1977-H1", Map.of("official", 1, "source", "x"), null).status())
            .isEqualTo(403);
    }

    @Test
    void waitingListShowsTheOverdueFirstAndMarksThem() {
        List<String> late = persons(1);
        caseworker().post("/api/v1/matches", Map.of("personIds", late, "matchDate", "1978-01-01"));
        List<String> recent = persons(1);
        caseworker().post("/api/v1/matches", Map.of("personIds", recent, "matchDate", LocalDate.now().toString()));

        JsonNode items = caseworker().get("/api/v1/matches").body().get("items");

        List<String> order = new java.util.ArrayList<>();
        items.forEach(item -> order.add(item.get("persons").get(0).get("id").asString()));
        assertThat(order.indexOf(late.get(0))).isLessThan(order.indexOf(recent.get(0)));
        JsonNode lateItem = items.get(order.indexOf(late.get(0)));
        assertThat(lateItem.get("overdue").asBoolean()).isTrue();
        assertThat(lateItem.get("daysLeft").asLong()).isNegative();
        JsonNode recentItem = items.get(order.indexOf(recent.get(0)));
        assertThat(recentItem.get("overdue").asBoolean()).isFalse();
        assertThat(recentItem.get("daysLeft").asLong()).isEqualTo(70);
    }

    @Test
    void aPersonIsMatchedOnlyOnce() {
        List<String> person = persons(1);
        caseworker().post("/api/v1/matches", Map.of("personIds", person, "matchDate", "1979-01-01"));

        assertThat(
                caseworker().post("/api/v1/matches", Map.of("personIds", person, "matchDate", "1979-02-01")).status())
            .isEqualTo(409);
    }

    @Test
    void correctingAnOfficialFigureNeedsTheVersionItCorrects() {
        String period = "/api/v1/housing-quota/1929-H1";
        Response first = teamLead().put(period, Map.of("official", 3, "source", "Circulaire"), null);
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(teamLead().get(period).header("ETag")).isEqualTo(etag);

        assertThat(teamLead().put(period, Map.of("official", 4, "source", "Correctie"), null).status()).isEqualTo(428);
        assertThat(teamLead().put(period, Map.of("official", 4, "source", "Correctie"), "\"9\"").status())
            .isEqualTo(412);
        assertThat(teamLead().put(period, Map.of("official", 4, "source", "Correctie"), etag).status()).isEqualTo(200);
        assertThat(teamLead().put(period, Map.of("official", 5, "source", "Te laat"), etag).status()).isEqualTo(412);
        assertThat(teamLead().get(period).body().get("official").asInt()).isEqualTo(4);
    }

    private void put(String period, int official) {
        assertThat(teamLead()
            .put("/api/v1/housing-quota/" + period, Map.of("official", official, "source", "Circulaire " + period),
                    teamLead().get("/api/v1/housing-quota/" + period).header("ETag"))
            .status()).isEqualTo(200);
    }

    private List<String> persons(int count) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Response created = caseworker().post("/api/v1/persons", Api.person("Huisvesting", "Testpersoon"));
            assertThat(created.status()).isEqualTo(201);
            ids.add(created.body().get("id").asString());
        }
        return ids;
    }

    private long placementsOf(String personId) {
        return JdbcClient.create(ownerDataSource)
            .sql("select count(*) from housing_placement_person where person_id = cast(:p as uuid)")
            .param("p", personId)
            .query(Long.class)
            .single();
    }

    private long matchesOf(String personId) {
        return JdbcClient.create(ownerDataSource)
            .sql("select count(*) from housing_match_person where person_id = cast(:p as uuid)")
            .param("p", personId)
            .query(Long.class)
            .single();
    }

}
