package nl.meedoen.identity;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Changing an account, and the navigation each role sees. */
@MeedoenIntegrationTest
class AccountChangeAndNavigationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aChangeOnAnOutdatedFormIsRefusedAboveTheForm() throws Exception {
        as("beheerder",
                post("/beheer/accounts").with(csrf())
                    .param("username", "wijziger")
                    .param("displayName", "Wijziger")
                    .param("role", "POLICY_OFFICER")
                    .param("password", "Wijzigen-in-Sliedrecht-7"));
        String id = accountId("wijziger");

        MockHttpServletResponse changed = as("beheerder", change(id).param("version", "0"));
        MockHttpServletResponse stale = as("beheerder", change(id).param("version", "0"));

        assertThat(changed.getRedirectedUrl()).isEqualTo("/beheer/accounts?opgeslagen");
        assertThat(stale.getStatus()).isEqualTo(200);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"error-summary\"",
                "Iemand anders heeft dit");
        assertThat(text(as("beheerder", get("/beheer/accounts/" + id)))).contains("Wijziger Nieuw");
    }

    @Test
    void anAccountWithoutARoleIsRefusedBesideTheField() throws Exception {
        MockHttpServletResponse refused = as("beheerder",
                post("/beheer/accounts").with(csrf())
                    .param("username", "zonder.rol")
                    .param("displayName", "Zonder Rol")
                    .param("password", "Een-Rol-Kiezen-2026"));

        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(text(refused)).contains("Kies een rol.");
    }

    @Test
    void theNavigationShowsWhatTheRoleMayOpen() throws Exception {
        String privacy = text(as("privacy", get("/")));
        String caseworker = text(as("begeleider", get("/")));

        assertThat(privacy).contains("href=\"/logboek\"").doesNotContain("href=\"/personen\"");
        assertThat(caseworker).contains("href=\"/personen\"", "href=\"/huisvesting\"")
            .doesNotContain("href=\"/logboek\"", "href=\"/beheer/accounts\"");
    }

    @Test
    void thePasswordIsChangedUnderTheUsersNameNotInTheMainNavigationAndEveryPageHasAFavicon() throws Exception {
        String page = text(as("begeleider", get("/personen")));
        String userMenu = page.substring(page.indexOf("class=\"user-menu\""), page.indexOf("</header>"));
        String navigation = page.substring(page.indexOf("class=\"page-nav\""), page.indexOf("</nav>"));

        assertThat(userMenu).contains("href=\"/wachtwoord\"");
        assertThat(navigation).doesNotContain("href=\"/wachtwoord\"");
        assertThat(page).contains("rel=\"icon\" type=\"image/svg+xml\" href=\"/img/favicon.svg\"");
        assertThat(as("begeleider", get("/img/favicon.svg")).getContentType()).startsWith("image/svg+xml");
    }

    private static MockHttpServletRequestBuilder change(String id) {
        return post("/beheer/accounts/" + id).with(csrf())
            .param("displayName", "Wijziger Nieuw")
            .param("role", "POLICY_OFFICER")
            .param("enabled", "true");
    }

    private String accountId(String username) throws Exception {
        Matcher link = Pattern.compile("/beheer/accounts/([0-9a-f-]{36})\">" + Pattern.quote(username) + "<")
            .matcher(text(as("beheerder", get("/beheer/accounts"))));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return Pages.as(mvc, user).perform(request);
    }

}
