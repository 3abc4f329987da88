package nl.meedoen.residents;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The person pages: ending a file, what opening a file logs, the household forms and the
 * list's live search.
 */
@MeedoenIntegrationTest
class PersonPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Test
    void aFileIsEndedOnADayThatHasComeNotInAdvance() throws Exception {
        String id = register("Idris", "Eindedatum");
        try (var day = clock.fixedAt(LocalDate.of(2024, 2, 29))) {
            MockHttpServletResponse refused = as("begeleider",
                    post("/personen/" + id + "/beeindigen").with(csrf())
                        .param("version", "0")
                        .param("endedOn", "2024-03-01")
                        .param("endReason", "MOVED_AWAY")
                        .param("confirmed", "true"));
            assertThat(refused.getStatus()).isEqualTo(200);
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"error-summary\"",
                    "id=\"endedOn-error\"");

            MockHttpServletResponse ended = as("begeleider",
                    post("/personen/" + id + "/beeindigen").with(csrf())
                        .param("version", "0")
                        .param("endedOn", "2024-02-29")
                        .param("endReason", "MOVED_AWAY")
                        .param("confirmed", "true"));
            assertThat(ended.getStatus()).isEqualTo(302);
            assertThat(ended.getRedirectedUrl()).isEqualTo("/personen/" + id + "?opgeslagen");
        }
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/persons/" + id).body().get("endedOn").asString())
            .isEqualTo("2024-02-29");
    }

    @Test
    void theEndFormAsksForADateAndAnswersAStaleVersionAboveTheForm() throws Exception {
        String id = register("Lina", "Verouderd");

        String missingDate = as("begeleider",
                post("/personen/" + id + "/beeindigen").with(csrf())
                    .param("version", "0")
                    .param("endReason", "FILE_CLOSED")
                    .param("confirmed", "true"))
            .getContentAsString(StandardCharsets.UTF_8);
        String stale = as("begeleider",
                post("/personen/" + id + "/beeindigen").with(csrf())
                    .param("version", "7")
                    .param("endedOn", LocalDate.now().minusDays(1).toString())
                    .param("endReason", "FILE_CLOSED")
                    .param("confirmed", "true"))
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(missingDate).contains("id=\"endedOn-error\"");
        assertThat(stale).contains("Iemand anders heeft dit dossier gewijzigd");
    }

    @Test
    void aChangeOnAnOutdatedFileIsRefusedWithALinkToTheNewestVersion() throws Exception {
        var created = Api.as(mvc, "begeleider").post("/api/v1/persons", Api.person("Hiwet", "Nieuwste")).body();
        String id = created.get("id").asString();

        String page = as("begeleider",
                post("/personen/" + id).with(csrf())
                    .param("expectedVersion", "5")
                    .param("givenName", "Hiwet")
                    .param("familyName", "Nieuwste")
                    .param("dateOfBirth", created.get("dateOfBirth").asString())
                    .param("category", created.get("category").asString())
                    .param("bsn", created.get("bsn").asString()))
            .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Iemand anders heeft dit dossier gewijzigd",
                "href=\"/personen/" + id + "/bewerken\"");
    }

    @Test
    void openingAFileLogsOneReadOfThePersonAndOfEachHouseholdMember() throws Exception {
        String head = register("Bilal", "Huisgenoot");
        String child = register("Sami", "Huisgenoot");
        Api.as(mvc, "begeleider")
            .post("/api/v1/households", Map.of("members",
                    List.of(Map.of("personId", head, "role", "HEAD"), Map.of("personId", child, "role", "CHILD"))));

        assertThat(as("begeleider", get("/personen/" + head)).getStatus()).isEqualTo(200);

        assertThat(entries(head, "READ")).isEqualTo(1);
        assertThat(entries(child, "READ")).isEqualTo(1);
    }

    @Test
    void searchingTheListByNameOrByBsnLogsEachPersonShown() throws Exception {
        var created = Api.as(mvc, "begeleider").post("/api/v1/persons", Api.person("Nadia", "Lijstzoeker")).body();
        String id = created.get("id").asString();

        as("begeleider", get("/personen").param("q", "lijstzoeker"));
        assertThat(entries(id, "SEARCH")).isEqualTo(1);
        as("begeleider", post("/personen/zoeken").param("q", created.get("bsn").asString()).with(csrf()));

        assertThat(entries(id, "SEARCH")).isEqualTo(2);
    }

    @Test
    void aRefusedHouseholdChangeComesBackOnTheFileWithItsReason() throws Exception {
        String person = register("Omar", "Tweemaal");
        as("begeleider", post("/personen/" + person + "/huishouden").with(csrf()));

        MockHttpServletResponse again = as("begeleider", post("/personen/" + person + "/huishouden").with(csrf()));

        assertThat(again.getRedirectedUrl())
            .isEqualTo("/personen/" + person + "?fout=household.alreadyMember#huishouden");
    }

    @Test
    void onlyThePersonListLoadsHtmx() throws Exception {
        assertThat(as("begeleider", get("/personen")).getContentAsString(StandardCharsets.UTF_8))
            .contains("htmx.min.js");
        assertThat(as("begeleider", get("/personen/nieuw")).getContentAsString(StandardCharsets.UTF_8))
            .doesNotContain("htmx");
    }

    private String register(String givenName, String familyName) {
        return Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person(givenName, familyName))
            .body()
            .get("id")
            .asString();
    }

    private long entries(String person, String action) {
        return Api.as(mvc, "privacy")
            .get("/api/v1/audit/persons/" + person + "?size=500")
            .body()
            .get("items")
            .findValuesAsString("action")
            .stream()
            .filter(action::equals)
            .count();
    }

    private MockHttpServletResponse as(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return Pages.as(mvc, user).perform(request);
    }

}
