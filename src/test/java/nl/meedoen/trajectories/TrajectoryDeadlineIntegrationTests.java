package nl.meedoen.trajectories;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The deadline calendar: the team's open deadlines in a window plus the overdue ones,
 * overdue first.
 */
@MeedoenIntegrationTest
class TrajectoryDeadlineIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    @Test
    void theCalendarListsOverdueDeadlinesFirstThenTheWindowForTheTeam() {
        LocalDate today = LocalDate.now();
        String overdue = person();
        caseworker().post(guidance(overdue), Map.of("startDate", today.minusMonths(7).toString()));
        String upcoming = person();
        caseworker().put(duty(upcoming), Map.of("regime", "WI2021", "duoNoticeDate", today.minusWeeks(8).toString(),
                "brpRegistrationDate", today.minusWeeks(9).toString()), null);
        String adopted = person();
        LocalDate adoptedOn = today.minusMonths(18).plusWeeks(3);
        caseworker().put(duty(adopted), Map.of("regime", "WI2021", "duoNoticeDate", adoptedOn.minusWeeks(8).toString(),
                "brpRegistrationDate", adoptedOn.minusWeeks(9).toString()), null);
        caseworker().post(duty(adopted) + "/plan", Map.of("adoptedOn", adoptedOn.toString(), "route", "Z"),
                caseworker().etag(duty(adopted)));

        Response calendar = caseworker().get("/api/v1/deadlines?from=" + today + "&to=" + today.plusWeeks(8));

        assertThat(calendar.status()).isEqualTo(200);
        List<JsonNode> mine = itemsOf(calendar, List.of(overdue, upcoming, adopted));
        assertThat(mine).extracting(i -> i.get("kind").asString())
            .containsExactly("GUIDANCE_END", "PLAN_DUE", "ROUTE_SWITCH_DEADLINE");
        assertThat(mine.get(0).get("personId").asString()).isEqualTo(overdue);
        assertThat(mine.get(0).get("dueDate").asString()).isEqualTo(today.minusMonths(7).plusMonths(6).toString());
        assertThat(mine.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(mine.get(1).get("dueDate").asString()).isEqualTo(today.plusWeeks(2).toString());
        assertThat(mine.get(1).get("overdue").asBoolean()).isFalse();
        assertThat(mine.get(2).get("personId").asString()).isEqualTo(adopted);
        assertThat(mine.get(2).get("dueDate").asString())
            .isEqualTo(adoptedOn.plusDays(1).plusMonths(18).minusDays(1).toString());
        assertThat(mine.get(2).get("overdue").asBoolean()).isFalse();
        assertThat(calendar.body().get("items").get(0).get("overdue").asBoolean()).isTrue();

        Response later = caseworker()
            .get("/api/v1/deadlines?from=" + adoptedOn.plusYears(2) + "&to=" + adoptedOn.plusYears(4));
        assertThat(itemsOf(later, List.of(adopted))).extracting(i -> i.get("kind").asString())
            .containsExactly("INTEGRATION_PERIOD_END");
    }

    @Test
    void anotherMunicipalitysCaseworkerDoesNotSeeTheseDeadlines() {
        String person = person();
        caseworker().post(guidance(person), Map.of("startDate", LocalDate.now().minusMonths(5).toString()));

        Response theirs = Api.as(mvc, "begeleider.dordrecht").get("/api/v1/deadlines");

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(itemsOf(theirs, List.of(person))).isEmpty();
        assertThat(itemsOf(caseworker().get("/api/v1/deadlines"), List.of(person))).hasSize(1);
        assertThat(Api.as(mvc, "beleid").get("/api/v1/deadlines").status()).isEqualTo(403);
        assertThat(caseworker().get("/api/v1/deadlines?from=2026-02-01&to=2026-01-01").status()).isEqualTo(400);
    }

    @Test
    void theCalendarPageShowsTheTeamsDeadlines() throws Exception {
        String person = Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Tesfay", "Termijnpagina"))
            .body()
            .get("id")
            .asString();
        caseworker().post(guidance(person), Map.of("startDate", LocalDate.now().minusMonths(5).toString()));
        Cookie session = Pages.as(mvc, "teamleider").cookie();

        String page = mvc.perform(get("/traject/termijnen").cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Tesfay Termijnpagina").contains("Einde maatschappelijke begeleiding");
    }

    private static List<JsonNode> itemsOf(Response response, List<String> persons) {
        List<JsonNode> items = new ArrayList<>();
        response.body().get("items").forEach(i -> {
            if (persons.contains(i.get("personId").asString())) {
                items.add(i);
            }
        });
        return items;
    }

    private String person() {
        Response created = caseworker().post("/api/v1/persons", Api.person("Termijn", "Testpersoon"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static String guidance(String person) {
        return "/api/v1/persons/" + person + "/guidance";
    }

    private static String duty(String person) {
        return "/api/v1/persons/" + person + "/integration-duty";
    }

}
