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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Four eyes on roles that read files, as outside the demo: the administrator's request
 * takes effect only when a second administrator or team lead approves it, and never by
 * the requester or the account itself; every step is in the processing log.
 */
@MeedoenIntegrationTest
@TestPropertySource(properties = "meedoen.security.four-eyes=true")
class FourEyesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    HikariDataSource owner;

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String create(String username, String role) {
        Api.Response created = Api.as(mvc, "beheerder")
            .post("/api/v1/accounts", Map.of("username", username, "displayName", "Vier Ogen", "role", role));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private String waitingRequestFor(String username) {
        JsonNode items = Api.as(mvc, "teamleider").get("/api/v1/account-approvals").body().get("items");
        for (JsonNode item : items) {
            if (item.get("username").asString().equals(username)) {
                return item.get("id").asString();
            }
        }
        throw new AssertionError("no waiting request for " + username + " in " + items);
    }

    private boolean enabled(String id) {
        return Api.as(mvc, "beheerder").get("/api/v1/accounts/" + id).body().get("enabled").asBoolean();
    }

    private String role(String id) {
        return Api.as(mvc, "beheerder").get("/api/v1/accounts/" + id).body().get("role").asString();
    }

    @Test
    void aNewCaseworkerWaitsDisabledUntilASecondPersonApproves() {
        String username = fresh("nieuw");
        String id = create(username, "CASEWORKER");
        assertThat(enabled(id)).isFalse();
        String request = waitingRequestFor(username);

        Api admin = Api.as(mvc, "beheerder");
        String etag = admin.get("/api/v1/accounts/" + id).header("ETag");
        assertThat(admin.put("/api/v1/accounts/" + id, Map.of("role", "CASEWORKER", "enabled", true), etag).status())
            .as("enabling it by hand")
            .isEqualTo(409);
        assertThat(admin.post("/api/v1/account-approvals/" + request + "/approval", Map.of()).status())
            .as("the requester approving")
            .isEqualTo(409);
        assertThat(
                Api.as(mvc, "begeleider").post("/api/v1/account-approvals/" + request + "/approval", Map.of()).status())
            .as("a caseworker")
            .isEqualTo(403);
        assertThat(Api.as(mvc, "begeleider.dordrecht")
            .post("/api/v1/account-approvals/" + request + "/approval", Map.of())
            .status()).isEqualTo(403);
        assertThat(enabled(id)).isFalse();

        Api.Response approved = Api.as(mvc, "teamleider")
            .post("/api/v1/account-approvals/" + request + "/approval", Map.of());
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("outcome").asString()).isEqualTo("APPROVED");
        assertThat(enabled(id)).isTrue();
        assertThat(Api.as(mvc, "teamleider")
            .post("/api/v1/account-approvals/" + request + "/rejection", Map.of())
            .status()).as("deciding twice").isEqualTo(409);

        List<String> details = Api.as(mvc, "privacy")
            .get("/api/v1/audit/accounts/" + username)
            .body()
            .get("items")
            .findValuesAsString("detail");
        assertThat(details).anyMatch(d -> d.startsWith("APPROVAL_REQUESTED: new account -> CASEWORKER"))
            .anyMatch(d -> d.startsWith("APPROVED: CASEWORKER requested by beheerder"));
    }

    @Test
    void aRoleChangeKeepsTheOldRoleUntilApprovedAndADeclineKeepsItForGood() {
        String username = fresh("wissel");
        String id = create(username, "POLICY_OFFICER");
        assertThat(enabled(id)).as("a role that reads no files needs no approval").isTrue();

        Api admin = Api.as(mvc, "beheerder");
        String etag = admin.get("/api/v1/accounts/" + id).header("ETag");
        Api.Response asked = admin.put("/api/v1/accounts/" + id, Map.of("role", "PRIVACY_OFFICER", "enabled", true),
                etag);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body().get("role").asString()).isEqualTo("POLICY_OFFICER");
        assertThat(
                admin.put("/api/v1/accounts/" + id, Map.of("role", "TEAM_LEAD", "enabled", true), asked.header("ETag"))
                    .status())
            .as("a second request while one waits")
            .isEqualTo(409);

        String declined = waitingRequestFor(username);
        assertThat(Api.as(mvc, "teamleider")
            .post("/api/v1/account-approvals/" + declined + "/rejection", Map.of())
            .status()).isEqualTo(200);
        assertThat(role(id)).isEqualTo("POLICY_OFFICER");

        etag = admin.get("/api/v1/accounts/" + id).header("ETag");
        assertThat(
                admin.put("/api/v1/accounts/" + id, Map.of("role", "PRIVACY_OFFICER", "enabled", true), etag).status())
            .isEqualTo(200);
        String approved = waitingRequestFor(username);
        assertThat(Api.as(mvc, "teamleider")
            .post("/api/v1/account-approvals/" + approved + "/approval", Map.of(), "\"99\"")
            .status()).as("a stale request version").isEqualTo(412);
        assertThat(Api.as(mvc, "teamleider")
            .post("/api/v1/account-approvals/" + approved + "/approval", Map.of())
            .status()).isEqualTo(200);
        assertThat(role(id)).isEqualTo("PRIVACY_OFFICER");
    }

    @Test
    void theApprovalPageListsWhatWaitsForTheTeamLead() throws Exception {
        String username = fresh("pagina");
        create(username, "TEAM_LEAD");
        String page = Pages.as(mvc, "teamleider")
            .perform(get("/beheer/goedkeuringen"))
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(username).contains("Nieuw account met de rol Teamleider").contains("Goedkeuren");
        assertThat(new JdbcTemplate(owner).queryForObject(
                "select count(*) from account_approval a join app_user u on u.id = a.account_id where u.username = ?",
                Integer.class, username))
            .isEqualTo(1);
    }

}
