package nl.meedoen.housing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The housing rules that depend on today, on a day the test chooses. */
@MeedoenIntegrationTest
class HousingClockIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Test
    void theWaitingListCountsTheDaysLeftFromToday() {
        Api caseworker = Api.as(mvc, "begeleider");
        String person = caseworker.post("/api/v1/persons", Api.person("Tesfay", "Klokwacht"))
            .body()
            .get("id")
            .asString();
        JsonNode match = caseworker
            .post("/api/v1/matches", Map.of("personIds", List.of(person), "matchDate", "2020-01-06"))
            .body();
        LocalDate deadline = LocalDate.parse(match.get("housingDeadline").asString());
        LocalDate today = LocalDate.of(2020, 2, 29);

        try (var day = clock.fixedAt(today)) {
            JsonNode waiting = caseworker.get("/api/v1/matches").body().get("items");
            JsonNode item = null;
            for (JsonNode candidate : waiting) {
                if (candidate.get("matchId").asString().equals(match.get("id").asString())) {
                    item = candidate;
                }
            }
            assertThat(item).isNotNull();
            assertThat(item.get("daysLeft").asLong()).isEqualTo(ChronoUnit.DAYS.between(today, deadline));
            assertThat(item.get("overdue").asBoolean()).isEqualTo(today.isAfter(deadline));
        }
    }

    @Test
    void aMatchOrKeyHandoverOnADayStillToComeIsRefused() {
        Api caseworker = Api.as(mvc, "begeleider");
        String person = caseworker.post("/api/v1/persons", Api.person("Rahwa", "Voorbarig"))
            .body()
            .get("id")
            .asString();

        try (var day = clock.fixedAt(LocalDate.of(2020, 3, 1))) {
            var early = caseworker.post("/api/v1/matches",
                    Map.of("personIds", List.of(person), "matchDate", "2020-03-02"));
            var matched = caseworker.post("/api/v1/matches",
                    Map.of("personIds", List.of(person), "matchDate", "2020-03-01"));
            var keysEarly = caseworker.post("/api/v1/placements",
                    Map.of("personIds", List.of(person), "keyHandoverDate", "2020-03-02"));

            assertThat(early.status()).isEqualTo(400);
            assertThat(early.body().get("errors").findValuesAsString("field")).contains("matchDate");
            assertThat(matched.status()).isEqualTo(201);
            assertThat(keysEarly.status()).isEqualTo(400);
            assertThat(keysEarly.body().get("errors").findValuesAsString("field")).contains("keyHandoverDate");
        }
    }

    @Test
    void theOverviewShowsTheHalfYearOfToday() throws Exception {
        try (var day = clock.fixedAt(LocalDate.of(2021, 7, 1))) {
            String overview = Pages.as(mvc, "teamleider")
                .perform(get("/huisvesting"))
                .getContentAsString(StandardCharsets.UTF_8);

            assertThat(overview).contains("Huidige periode: 2021-H2");
        }
    }

}
