package nl.meedoen.identity;

import java.time.LocalDate;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A session is the account as it is now, not as it was at login: sessions live in the
 * database, and whatever changes what an account may do ends its sessions in the same
 * transaction, so the very next request must log in again.
 */
@MeedoenIntegrationTest
class AccountSessionsIntegrationTests {

    private static final String PASSWORD = "Sessie-Sliedrecht-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    HikariDataSource owner;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TestClock clock;

    private record Created(UUID id, String username) {
    }

    private Created account(String role) {
        String username = "sessie-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        new JdbcTemplate(owner).update("""
                insert into app_user (id, municipality_id, team_id, username, display_name, password_hash, role)
                select ?, id, null, ?, 'Sessie Test', ?, ? from municipality where code = '0610'""", id, username,
                passwords.encode(PASSWORD), role);
        return new Created(id, username);
    }

    private boolean stillLoggedIn(Pages pages) throws Exception {
        // the own password page: every logged-in role opens it (the start page sends a
        // policy
        // officer on to the monitor)
        MockHttpServletResponse start = pages.perform(get("/wachtwoord"));
        MockHttpServletResponse me = pages.perform(get("/api/v1/me"));
        assertThat(start.getStatus() == 200).as("page and API agree").isEqualTo(me.getStatus() == 200);
        return start.getStatus() == 200;
    }

    private MockHttpServletResponse administer(Created account, String role, boolean enabled) throws Exception {
        int version = new JdbcTemplate(owner).queryForObject("select version from app_user where id = ?", Integer.class,
                account.id());
        return Pages.as(mvc, "beheerder")
            .perform(post("/beheer/accounts/" + account.id()).with(csrf())
                .param("displayName", "Sessie Test")
                .param("role", role)
                .param("enabled", String.valueOf(enabled))
                .param("version", String.valueOf(version)));
    }

    @Test
    void aDisabledAccountsOpenSessionLosesAccessOnItsNextRequest() throws Exception {
        Created account = account("POLICY_OFFICER");
        Pages session = Pages.as(mvc, account.username(), PASSWORD);
        assertThat(stillLoggedIn(session)).isTrue();

        assertThat(administer(account, "POLICY_OFFICER", false).getRedirectedUrl())
            .isEqualTo("/beheer/accounts?opgeslagen");

        assertThat(stillLoggedIn(session)).isFalse();
        assertThat(session.perform(get("/api/v1/me")).getStatus()).isEqualTo(401);
    }

    @Test
    void aRoleChangeEndsTheSessionSoTheNewRoleApplies() throws Exception {
        Created account = account("POLICY_OFFICER");
        Pages session = Pages.as(mvc, account.username(), PASSWORD);

        administer(account, "VOLUNTEER_COORDINATOR", true);

        assertThat(stillLoggedIn(session)).isFalse();
        Pages again = Pages.as(mvc, account.username(), PASSWORD);
        assertThat(again.perform(get("/api/v1/me")).getContentAsString()).contains("VOLUNTEER_COORDINATOR");
    }

    @Test
    void aChangeOfTheDisplayNameOnlyKeepsTheSession() throws Exception {
        Created account = account("POLICY_OFFICER");
        Pages session = Pages.as(mvc, account.username(), PASSWORD);

        administer(account, "POLICY_OFFICER", true);

        assertThat(stillLoggedIn(session)).isTrue();
    }

    @Test
    void aPasswordResetByTheAdministratorEndsEverySessionOfTheAccount() throws Exception {
        Created account = account("POLICY_OFFICER");
        Pages first = Pages.as(mvc, account.username(), PASSWORD);
        Pages second = Pages.as(mvc, account.username(), PASSWORD);

        MockHttpServletResponse reset = Pages.as(mvc, "beheerder")
            .perform(post("/beheer/accounts/" + account.id() + "/wachtwoord").with(csrf())
                .param("password", "Nieuw-Sessie-Wachtwoord-7"));

        assertThat(reset.getStatus()).isEqualTo(302);
        assertThat(stillLoggedIn(first)).isFalse();
        assertThat(stillLoggedIn(second)).isFalse();
    }

    @Test
    void changingTheOwnPasswordKeepsThisSessionAndEndsTheOthers() throws Exception {
        Created account = account("POLICY_OFFICER");
        Pages here = Pages.as(mvc, account.username(), PASSWORD);
        Pages elsewhere = Pages.as(mvc, account.username(), PASSWORD);

        MockHttpServletResponse changed = here.perform(post("/wachtwoord").with(csrf())
            .param("currentPassword", PASSWORD)
            .param("newPassword", "Eigen-Nieuw-Wachtwoord-8")
            .param("repeatPassword", "Eigen-Nieuw-Wachtwoord-8"));

        assertThat(changed.getRedirectedUrl()).isEqualTo("/wachtwoord?gewijzigd");
        assertThat(stillLoggedIn(here)).isTrue();
        assertThat(stillLoggedIn(elsewhere)).isFalse();
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverActive() throws Exception {
        Created account = account("POLICY_OFFICER");
        Pages session = Pages.as(mvc, account.username(), PASSWORD);
        assertThat(stillLoggedIn(session)).isTrue();

        try (var later = clock.fixedAt(LocalDate.now(clock).plusDays(2))) {
            assertThat(stillLoggedIn(session)).isFalse();
        }
    }

}
