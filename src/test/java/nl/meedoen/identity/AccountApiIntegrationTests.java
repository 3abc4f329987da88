package nl.meedoen.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The accounts API follows the account pages' rules; a new account and a reset get a
 * one-time password that must be changed before anything else; every administrator's
 * action on an account is in the processing log, readable by the privacy officer.
 */
@MeedoenIntegrationTest
class AccountApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    HikariDataSource owner;

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode create(String username, String role) {
        Api.Response created = Api.as(mvc, "beheerder")
            .post("/api/v1/accounts", Map.of("username", username, "displayName", "Api Test", "role", role));
        assertThat(created.status()).isEqualTo(201);
        return created.body();
    }

    @Test
    void aNewAccountGetsAOneTimePasswordThatAllowsNothingButChangingIt() throws Exception {
        String username = fresh("eenmalig");
        JsonNode created = create(username, "POLICY_OFFICER");
        String oneTime = created.get("oneTimePassword").asString();
        assertThat(oneTime).hasSize(16);
        assertThat(created.get("id").asString()).isNotBlank();

        MockHttpServletResponse api = mvc.perform(get("/api/v1/me").with(httpBasic(username, oneTime)))
            .andReturn()
            .getResponse();
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("eenmalig wachtwoord");

        Pages pages = Pages.as(mvc, username, oneTime);
        assertThat(pages.perform(get("/")).getRedirectedUrl()).isEqualTo("/wachtwoord?eerst");
        assertThat(pages.perform(get("/wachtwoord").param("eerst", "")).getContentAsString(StandardCharsets.UTF_8))
            .contains("eenmalig wachtwoord");
        MockHttpServletResponse changed = pages.perform(post("/wachtwoord").with(csrf())
            .param("currentPassword", oneTime)
            .param("newPassword", "Mijn-Eigen-Keuze-2026")
            .param("repeatPassword", "Mijn-Eigen-Keuze-2026"));
        assertThat(changed.getRedirectedUrl()).isEqualTo("/wachtwoord?gewijzigd");
        assertThat(pages.perform(get("/")).getRedirectedUrl()).as("a policy officer starts on the monitor")
            .isEqualTo("/monitor");
        assertThat(pages.perform(get("/monitor")).getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/me").with(httpBasic(username, "Mijn-Eigen-Keuze-2026")))
            .andReturn()
            .getResponse()
            .getStatus()).isEqualTo(200);
    }

    @Test
    void anAccountIsListedReadAndChangedWithIfMatchWithinTheMunicipality() {
        String username = fresh("api-account");
        String id = create(username, "CASEWORKER").get("id").asString();
        Api admin = Api.as(mvc, "beheerder");

        JsonNode items = admin.get("/api/v1/accounts").body().get("items");
        assertThat(items.findValuesAsString("username")).contains(username).doesNotContain("begeleider.dordrecht");
        Api.Response read = admin.get("/api/v1/accounts/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("role").asString()).isEqualTo("CASEWORKER");
        String etag = read.header("ETag");

        Map<String, Object> change = Map.of("role", "TEAM_LEAD", "enabled", true);
        assertThat(admin.put("/api/v1/accounts/" + id, change, null).status()).isEqualTo(428);
        Api.Response changed = admin.put("/api/v1/accounts/" + id, change, etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("role").asString()).isEqualTo("TEAM_LEAD");
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(admin.put("/api/v1/accounts/" + id, Map.of("role", "CASEWORKER", "enabled", true), etag).status())
            .isEqualTo(412);

        String dordrecht = new JdbcTemplate(owner)
            .queryForObject("select id::text from app_user where username = 'begeleider.dordrecht'", String.class);
        assertThat(admin.get("/api/v1/accounts/" + dordrecht).status()).isEqualTo(404);
        assertThat(Api.as(mvc, "teamleider").get("/api/v1/accounts").status()).isEqualTo(403);
        assertThat(Api.as(mvc, "begeleider")
            .post("/api/v1/accounts", Map.of("username", fresh("x"), "displayName", "X", "role", "ADMIN"))
            .status()).isEqualTo(403);
    }

    @Test
    void theAdministratorsActionsOnAnAccountAreInTheProcessingLogForThePrivacyOfficer() {
        String username = fresh("gelogd");
        String id = create(username, "CASEWORKER").get("id").asString();
        Api admin = Api.as(mvc, "beheerder");
        String stale = admin.get("/api/v1/accounts/" + id).header("ETag");
        String etag = admin.put("/api/v1/accounts/" + id, Map.of("role", "TEAM_LEAD", "enabled", true), stale)
            .header("ETag");
        assertThat(admin.post("/api/v1/accounts/" + id + "/password-reset", Map.of(), stale).status()).isEqualTo(412);
        Api.Response reset = admin.post("/api/v1/accounts/" + id + "/password-reset", Map.of(), etag);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body().get("oneTimePassword").asString()).hasSize(16);
        assertThat(reset.header("ETag")).isNotEqualTo(etag);
        assertThat(admin.post("/api/v1/accounts/" + id + "/password-reset", Map.of()).status())
            .as("the lock is optional")
            .isEqualTo(200);
        etag = admin.get("/api/v1/accounts/" + id).header("ETag");
        admin.put("/api/v1/accounts/" + id, Map.of("role", "TEAM_LEAD", "enabled", false), etag);

        Api.Response log = Api.as(mvc, "privacy").get("/api/v1/audit/accounts/" + username);
        assertThat(log.status()).isEqualTo(200);
        List<String> details = log.body().get("items").findValuesAsString("detail");
        assertThat(details).anyMatch(d -> d.startsWith("CREATED: role CASEWORKER"))
            .contains("ROLE_CHANGED: CASEWORKER -> TEAM_LEAD", "PASSWORD_RESET: one-time password", "DISABLED");
        assertThat(log.body().get("items").findValuesAsString("actor")).containsOnly("beheerder");
        assertThat(log.body().get("items").findValuesAsString("action")).containsOnly("ACCOUNT_ADMINISTRATION");
        assertThat(Api.as(mvc, "beheerder").get("/api/v1/audit/accounts/" + username).status()).isEqualTo(403);
    }

}
