package nl.meedoen.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins are security events in the processing log, few enough that a guessing storm does
 * not flood it: the first failure, one entry per block with its count, and each login
 * through the form.
 */
@MeedoenIntegrationTest
class SecurityEventsIntegrationTests {

    private static final String PASSWORD = "Veilig-Aanmelden-2026";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    HikariDataSource owner;

    @Autowired
    PasswordEncoder passwords;

    private final HttpClient http = HttpClient.newHttpClient();

    private String account() {
        String username = "gebeurtenis-" + UUID.randomUUID().toString().substring(0, 8);
        new JdbcTemplate(owner).update("""
                insert into app_user (id, municipality_id, team_id, username, display_name, password_hash, role)
                select ?, id, null, ?, 'Gebeurtenis Test', ?, 'POLICY_OFFICER' from municipality where code = '0610'""",
                UUID.randomUUID(), username, passwords.encode(PASSWORD));
        return username;
    }

    @AfterEach
    void forgetTheAttempts() {
        new JdbcTemplate(owner).update(
                "delete from login_throttle where key like 'account:gebeurtenis-%' or key like 'address:203.0.113.%'");
    }

    private int basic(String username, String password, String address) throws Exception {
        String credentials = Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Authorization", "Basic " + credentials)
                .header("X-Forwarded-For", address)
                .build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
    }

    private List<String> events(String username) {
        return new JdbcTemplate(owner).queryForList("""
                select detail from audit_entry where subject_account = ? and action = 'SECURITY_EVENT'
                order by seq""", String.class, username);
    }

    @Test
    void aGuessingStormWritesTheFirstFailureAndOneEntryPerBlockWithItsCount() throws Exception {
        String username = account();
        for (int i = 0; i < 5; i++) {
            assertThat(basic(username, "fout-" + i, "203.0.113.7")).isEqualTo(401);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(basic(username, "nog-fout-" + i, "203.0.113.7")).isEqualTo(429);
        }

        assertThat(events(username)).containsExactly("LOGIN_FAILED: from 203.0.113.7",
                "LOGIN_BLOCKED: 5 failures from 203.0.113.7, blocked for 30 s");
    }

    @Test
    void aLoginThroughTheFormIsASecurityEventInTheAccountsOwnName() {
        String username = account();

        Pages.as(mvc, username, PASSWORD);

        assertThat(events(username)).hasSize(1).allMatch(d -> d.startsWith("LOGIN_SUCCEEDED: form"));
        assertThat(new JdbcTemplate(owner).queryForObject(
                "select actor from audit_entry where subject_account = ? and action = 'SECURITY_EVENT'", String.class,
                username))
            .isEqualTo(username);
    }

    @Test
    void aNameThatBelongsToNoAccountWritesNothingToAMunicipalitysLog() throws Exception {
        String unknown = "gebeurtenis-niemand-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 6; i++) {
            basic(unknown, "fout", "203.0.113.9");
        }
        assertThat(events(unknown)).isEmpty();
    }

}
