package nl.meedoen.trajectories;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The team lead's start page shows the team in figures: per caseworker the open files
 * held and the deadlines overdue, the files no caseworker holds, the extension requests
 * waiting. Counts only; nobody else sees it.
 */
@MeedoenIntegrationTest
class TeamDashboardIntegrationTests {

    private static final Pattern UNASSIGNED = Pattern
        .compile("Zonder begeleider</th>\\s*<td class=\"numeric\">(\\d+)</td>");

    @Autowired
    MockMvc mvc;

    @Test
    void aNewFileOfTheTeamCountsAsWithoutACaseworkerOnTheTeamLeadsStartPage() throws Exception {
        String before = startPage("teamleider");
        assertThat(before).contains("Het team in cijfers", "<th scope=\"row\">", "Verzoeken om verlenging die wachten");

        Api.as(mvc, "begeleider").post("/api/v1/persons", Api.person("Noor", "Teamtelling"));

        assertThat(unassigned(startPage("teamleider"))).isEqualTo(unassigned(before) + 1);
    }

    @Test
    void onlyTheTeamLeadSeesTheTeamInFigures() throws Exception {
        assertThat(startPage("begeleider")).doesNotContain("Het team in cijfers");
        assertThat(startPage("beleid")).doesNotContain("Het team in cijfers");
    }

    private String startPage(String user) throws Exception {
        return Pages.as(mvc, user).perform(get("/")).getContentAsString(StandardCharsets.UTF_8);
    }

    private static long unassigned(String page) {
        Matcher found = UNASSIGNED.matcher(page);
        assertThat(found.find()).as("the line of files without a caseworker").isTrue();
        return Long.parseLong(found.group(1));
    }

}
