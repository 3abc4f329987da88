package nl.meedoen.referrals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.sql.DataSource;

import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static nl.meedoen.referrals.ReferralFixtures.LANGUAGE_SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The referral pages: a caseworker refers from the person's file, the partner responds on
 * its own pages.
 */
@MeedoenIntegrationTest
class ReferralPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Autowired
    PasswordEncoder passwords;

    ReferralFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ReferralFixtures(mvc, ownerDataSource, passwords);
    }

    @Test
    void aCaseworkerRefersFromThePersonsFileAndThePartnerAcceptsOnItsOwnPage() throws Exception {
        String person = fixtures.person();
        String provision = fixtures.provisionOf(LANGUAGE_SCHOOL);
        String tab = "/personen/" + person + "/verwijzingen";

        assertThat(text(as("begeleider", get("/personen/" + person)))).contains(tab);
        assertThat(text(as("begeleider", post(tab).with(csrf()).param("provisionId", provision))))
            .contains("Controleer de invoer")
            .contains("Vul het doel van de verwijzing in.")
            .contains("Kies ten minste één gegeven om te delen.");
        assertThat(text(as("begeleider",
                post(tab).with(csrf())
                    .param("provisionId", provision)
                    .param("purpose", "Taalles")
                    .param("sharedFields", "NAME")
                    .param("consentGivenOn", "2026-02-01")
                    .param("consentValidUntil", "2026-01-01"))))
            .contains("De toestemming kan niet eindigen vóór de datum waarop zij is gegeven.");

        assertThat(as("begeleider",
                post(tab).with(csrf())
                    .param("provisionId", provision)
                    .param("purpose", "Taalles op B1-niveau")
                    .param("sharedFields", "NAME", "PHONE"))
            .getStatus()).isEqualTo(302);
        String id = fixtures.caseworker()
            .get("/api/v1/referrals?personId=" + person)
            .body()
            .get("items")
            .get(0)
            .get("id")
            .asString();

        Pages caseworker = Pages.as(mvc, "begeleider");
        caseworker.perform(post(tab + "/" + id + "/versturen").with(csrf()).param("version", "0"));
        String refused = text(caseworker.perform(get(tab)));
        assertThat(refused).contains("geen geldige toestemming").contains("Concept");

        caseworker.perform(post(tab + "/" + id + "/grondslag").with(csrf())
            .param("consentGivenOn", java.time.LocalDate.now().toString())
            .param("version", "0"));
        assertThat(text(caseworker.perform(get(tab)))).contains("De toestemming of grondslag is vastgelegd.");
        caseworker.perform(post(tab + "/" + id + "/versturen").with(csrf()).param("version", "1"));
        assertThat(text(caseworker.perform(get(tab)))).contains("De verwijzing is verstuurd naar de partner.");

        String list = text(as("partner", get("/partner/verwijzingen")));
        assertThat(list).contains("Verwijzingen aan Taalschool De Brug").contains("Verwijzing Testpersoon");
        String detail = text(as("partner", get("/partner/verwijzingen/" + id)));
        assertThat(detail).contains("0612345678").doesNotContain("test@example.org").doesNotContain("Kerkbuurt 1");
        assertThat(as("partner",
                post("/partner/verwijzingen/" + id + "/status").with(csrf())
                    .param("to", "ACCEPTED")
                    .param("version", "2"))
            .getStatus()).isEqualTo(302);
        assertThat(text(as("begeleider", get(tab)))).contains("Geaccepteerd");

        assertThat(as(ReferralFixtures.LIBRARY_USER, get("/partner/verwijzingen/" + id)).getStatus()).isEqualTo(404);
        assertThat(text(as(ReferralFixtures.LIBRARY_USER, get("/partner/verwijzingen"))))
            .doesNotContain("/partner/verwijzingen/" + id);
        assertThat(as("partner", get(tab)).getStatus()).isEqualTo(403);
        assertThat(as("beleid", get("/verwijzingen")).getStatus()).isEqualTo(403);
    }

    @Test
    void anImpossibleConsentDateIsAnsweredWithTheFormNotAnError() throws Exception {
        String person = fixtures.person();
        String tab = "/personen/" + person + "/verwijzingen";

        MockHttpServletResponse response = as("begeleider",
                post(tab).with(csrf())
                    .param("provisionId", "geen-voorziening")
                    .param("purpose", "Taalles")
                    .param("consentGivenOn", "2026-13-45"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(text(response)).contains("Controleer de invoer").contains("Taalles");
    }

    @Test
    void theOverviewShowsReferralsWaitingTooLongFirst() throws Exception {
        String person = fixtures.person();
        String id = fixtures.sent(person, fixtures.provisionOf(LANGUAGE_SCHOOL), List.of("NAME"));
        fixtures.sentDaysAgo(id, 16);

        String overview = text(as("teamleider", get("/verwijzingen")));

        assertThat(overview).containsPattern(
                "<tr class=\"row--overdue\">\\s*<th scope=\"row\"><a href=\"/personen/" + person + "/verwijzingen");
        String firstRow = overview.substring(overview.indexOf("<tbody>"));
        assertThat(firstRow.substring(0, firstRow.indexOf("</tr>"))).contains("row--overdue",
                "Wacht te lang op reactie");
        assertThat(text(as("partner", get("/partner/verwijzingen")))).contains("Wacht te lang op reactie");
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse as(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return Pages.as(mvc, user).perform(request);
    }

}
