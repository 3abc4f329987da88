package nl.meedoen.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import java.net.CookieManager;

/**
 * Guessing passwords is slowed down per account and per client address, for HTTP Basic
 * and the login form, without telling which accounts exist. Each test works with its own
 * account and its own (forwarded) client addresses, so no other test's logins are
 * blocked.
 */
@MeedoenIntegrationTest
class LoginThrottleIntegrationTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("owner")
    HikariDataSource owner;

    @Autowired
    PasswordEncoder passwords;

    private final HttpClient http = HttpClient.newHttpClient();

    private String account() {
        JdbcTemplate db = new JdbcTemplate(owner);
        String username = "raden-" + UUID.randomUUID().toString().substring(0, 8);
        db.update("""
                insert into app_user (id, municipality_id, team_id, username, display_name, password_hash, role)
                select ?, id, null, ?, 'Raden Test', ?, 'POLICY_OFFICER' from municipality where code = '0610'""",
                UUID.randomUUID(), username, passwords.encode("Goed-Wachtwoord-2026"));
        return username;
    }

    /**
     * An address of the documentation range, told by the local proxy (Tomcat trusts
     * 127.0.0.1).
     */
    private static String freshAddress() {
        return "198.51.100." + ADDRESSES.getAndIncrement();
    }

    private HttpResponse<String> basic(String username, String password, String address) throws Exception {
        String credentials = Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
            .header("Authorization", "Basic " + credentials)
            .header("X-Forwarded-For", address)
            .header("Accept-Language", "nl")
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    @AfterEach
    void forgetTheAttempts() {
        new JdbcTemplate(owner).update("delete from login_throttle where key like 'account:raden-%' "
                + "or key like 'account:bestaat-niet-%' or key like 'address:198.51.100.%'");
    }

    @Test
    void theSixthWrongPasswordWithinAMinuteIsRefusedWith429AndRetryAfterAndTheRightOneWaitsToo() throws Exception {
        String username = account();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(basic(username, "gok-" + attempt, freshAddress()).statusCode()).as("attempt %d", attempt)
                .isEqualTo(401);
        }

        HttpResponse<String> sixth = basic(username, "gok-6", freshAddress());
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
        assertThat(sixth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(sixth.body()).contains("Te veel pogingen");

        assertThat(basic(username, "Goed-Wachtwoord-2026", freshAddress()).statusCode())
            .as("the right password while blocked")
            .isEqualTo(429);
    }

    @Test
    void aSuccessBeforeTheThresholdClearsTheCount() throws Exception {
        String username = account();
        for (int attempt = 1; attempt <= 4; attempt++) {
            basic(username, "gok-" + attempt, freshAddress());
        }
        assertThat(basic(username, "Goed-Wachtwoord-2026", freshAddress()).statusCode()).isEqualTo(200);

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(basic(username, "gok-" + attempt, freshAddress()).statusCode()).isEqualTo(401);
        }
        assertThat(basic(username, "Goed-Wachtwoord-2026", freshAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownAccountIsAnsweredExactlyLikeAKnownOne() throws Exception {
        String known = account();
        String unknown = "bestaat-niet-" + UUID.randomUUID().toString().substring(0, 8);
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> knownAnswer = basic(known, "gok", freshAddress());
            HttpResponse<String> unknownAnswer = basic(unknown, "gok", freshAddress());
            assertThat(unknownAnswer.statusCode()).isEqualTo(knownAnswer.statusCode()).isEqualTo(401);
            assertThat(withoutTrace(unknownAnswer.body())).isEqualTo(withoutTrace(knownAnswer.body()));
        }
        assertThat(basic(unknown, "gok", freshAddress()).statusCode()).isEqualTo(429);
        assertThat(basic(known, "gok", freshAddress()).statusCode()).isEqualTo(429);
    }

    @Test
    void oneAddressTryingManyAccountsIsBlockedAfterTwentyFailures() throws Exception {
        String address = freshAddress();
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(
                    basic("bestaat-niet-" + UUID.randomUUID().toString().substring(0, 8), "gok", address).statusCode())
                .isEqualTo(401);
        }

        String someoneElse = account();
        assertThat(basic(someoneElse, "Goed-Wachtwoord-2026", address).statusCode()).isEqualTo(429);
        assertThat(basic(someoneElse, "Goed-Wachtwoord-2026", freshAddress()).statusCode())
            .as("the same account from another address")
            .isEqualTo(200);
    }

    @Test
    void theLoginFormShowsADutchPageWith429() throws Exception {
        String username = account();
        for (int attempt = 1; attempt <= 5; attempt++) {
            basic(username, "gok-" + attempt, freshAddress());
        }
        // Without a session the form's POST fails the CSRF check first; fetch the form
        // for its token and cookie.
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String address = freshAddress();
        String form = browser
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/inloggen"))
                .header("X-Forwarded-For", address)
                .build(), HttpResponse.BodyHandlers.ofString())
            .body();
        String token = form.replaceFirst("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        HttpResponse<String> blocked = browser
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/inloggen"))
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers
                    .ofString("username=" + username + "&password=Goed-Wachtwoord-2026&_csrf=" + token))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(blocked.body()).contains("Te veel pogingen", "Inloggen kan weer over");
    }

    private static String withoutTrace(String body) {
        return body.replaceAll("\"traceId\":\"[^\"]*\"", "");
    }

}
