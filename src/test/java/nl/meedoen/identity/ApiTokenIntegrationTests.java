package nl.meedoen.identity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * API tokens: issued once, hashed at rest, acting in their role only, until they expire
 * or are revoked.
 */
@MeedoenIntegrationTest
class ApiTokenIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    @Qualifier("owner")
    HikariDataSource owner;

    @Autowired
    PasswordEncoder passwords;

    private String issue(String user, LocalDate expiresOn) {
        Api.Response issued = Api.as(mvc, user)
            .post("/api/v1/tokens", Map.of("name", "Script " + UUID.randomUUID(), "expiresOn", expiresOn.toString()));
        assertThat(issued.status()).isEqualTo(201);
        return issued.body().get("token").asString();
    }

    private MockHttpServletResponse withToken(String token, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
    }

    @Test
    void aTokenIsShownOnceStoredAsAHashAndActsAsItsAccount() throws Exception {
        String token = issue("begeleider", LocalDate.now(clock).plusDays(30));

        assertThat(token).startsWith("mdn_").hasSizeGreaterThan(40);
        MockHttpServletResponse me = withToken(token, get("/api/v1/me"));
        assertThat(me.getStatus()).isEqualTo(200);
        assertThat(me.getContentAsString()).contains("\"begeleider\"", "CASEWORKER");
        assertThat(me.getHeader("Set-Cookie")).as("no session for a token").isNull();
        assertThat(new JdbcTemplate(owner).queryForObject("select count(*) from api_token where token_hash = ?",
                Integer.class, token))
            .as("the token itself is not stored")
            .isZero();
        String listed = Api.as(mvc, "begeleider").get("/api/v1/tokens").raw().getContentAsString();
        assertThat(listed).contains(token.substring(0, 10)).doesNotContain(token);
        assertThat(new JdbcTemplate(owner).queryForObject(
                "select count(*) from api_token where prefix = ? and last_used_at is not null", Integer.class,
                token.substring(0, 10)))
            .isEqualTo(1);
    }

    @Test
    void aRevokedTokenIsAnswered401WithAProblemDetail() throws Exception {
        String token = issue("begeleider", LocalDate.now(clock).plusDays(30));
        String id = new JdbcTemplate(owner).queryForObject("select id::text from api_token where prefix = ?",
                String.class, token.substring(0, 10));

        assertThat(Api.as(mvc, "begeleider").perform(delete("/api/v1/tokens/" + id).with(csrf())).status())
            .isEqualTo(204);

        MockHttpServletResponse refused = withToken(token, get("/api/v1/me").header("Accept-Language", "nl"));
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.getHeader("WWW-Authenticate")).contains("invalid_token");
        assertThat(refused.getContentAsString()).contains("onbekend, verlopen of ingetrokken");
    }

    @Test
    void anExpiredTokenIsAnswered401() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String token = issue("begeleider", today.plusDays(1));

        try (var day = clock.fixedAt(today.plusDays(1))) {
            assertThat(withToken(token, get("/api/v1/me")).getStatus()).as("the last day").isEqualTo(200);
        }
        try (var day = clock.fixedAt(today.plusDays(2))) {
            assertThat(withToken(token, get("/api/v1/me")).getStatus()).isEqualTo(401);
        }
    }

    @Test
    void aTokenCannotDoWhatItsRoleMayNot() throws Exception {
        String token = issue("beleid", LocalDate.now(clock).plusDays(30));

        assertThat(withToken(token, get("/api/v1/persons")).getStatus()).isEqualTo(403);
        assertThat(withToken(token,
                post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"Nog een\",\"expiresOn\":\"" + LocalDate.now(clock).plusDays(5) + "\"}"))
            .getStatus()).as("a token does not issue tokens").isEqualTo(403);
        assertThat(withToken("mdn_bestaat-niet", get("/api/v1/me")).getStatus()).isEqualTo(401);
    }

    @Test
    void aTokenIsRefusedPastItsLongestLifeAndWithoutAName() throws Exception {
        Api.Response tooLong = Api.as(mvc, "begeleider")
            .post("/api/v1/tokens", Map.of("name", "Lang", "expiresOn", LocalDate.now(clock).plusDays(400).toString()));
        Api.Response past = Api.as(mvc, "begeleider")
            .post("/api/v1/tokens", Map.of("name", "Oud", "expiresOn", LocalDate.now(clock).toString()));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.raw().getContentAsString(StandardCharsets.UTF_8)).contains("een jaar");
        assertThat(past.status()).isEqualTo(400);
    }

    @Test
    void disablingTheAccountRevokesItsTokensAtOnce() throws Exception {
        String username = "token-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        new JdbcTemplate(owner).update("""
                insert into app_user (id, municipality_id, team_id, username, display_name, password_hash, role)
                select ?, id, null, ?, 'Token Test', ?, 'POLICY_OFFICER' from municipality where code = '0610'""", id,
                username, passwords.encode("Token-Sliedrecht-2026"));
        String token = Api.as(mvc, username)
            .perform(post("/api/v1/tokens")
                .with(SecurityMockMvcRequestPostProcessors.httpBasic(username, "Token-Sliedrecht-2026"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Rapportage\",\"expiresOn\":\"" + LocalDate.now(clock).plusDays(5) + "\"}"))
            .body()
            .get("token")
            .asString();
        assertThat(withToken(token, get("/api/v1/me")).getStatus()).isEqualTo(200);

        Pages.as(mvc, "beheerder")
            .perform(post("/beheer/accounts/" + id).with(csrf())
                .param("displayName", "Token Test")
                .param("role", "POLICY_OFFICER")
                .param("enabled", "false")
                .param("version", "0"));

        assertThat(withToken(token, get("/api/v1/me")).getStatus()).isEqualTo(401);
    }

}
