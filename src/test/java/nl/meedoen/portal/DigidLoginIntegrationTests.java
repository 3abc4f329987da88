package nl.meedoen.portal;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedoen.support.Api;
import nl.meedoen.support.HttpBrowser;
import nl.meedoen.support.OidcProvider;
import nl.meedoen.support.TestBsns;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DigiD end to end: a real OpenID Connect provider started in the test (Spring
 * Authorization Server) plays the municipality's DigiD broker, with Meedoen registered
 * there as its own client ({@code meedoen-digid}, redirect
 * {@code /login/oauth2/code/digid}); the ID token carries the BSN. The broker serves
 * Sliedrecht and Dordrecht. The staff's single sign-on is not configured here, so the
 * login page offers DigiD alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "meedoen.demo=true", "meedoen.portal.digid.client-id=" + OidcProvider.DIGID_CLIENT_ID,
                "meedoen.portal.digid.client-secret=" + OidcProvider.DIGID_CLIENT_SECRET,
                "meedoen.portal.digid.bsn-claim=bsn", "meedoen.portal.digid.municipalities=0610,0505" })
@AutoConfigureMockMvc
@Import(TestClock.Wiring.class)
class DigidLoginIntegrationTests {

    private static final String PASSWORD = "digid-wachtwoord";

    /** The BSN each provider account's ID token carries, set by each test. */
    private static final Map<String, Map<String, Object>> CLAIMS = new ConcurrentHashMap<>();

    private static OidcProvider broker;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry properties) {
        for (String user : List.of("digid.een", "digid.geen", "digid.twee", "digid.beeindigd")) {
            CLAIMS.put(user, new ConcurrentHashMap<>());
        }
        broker = OidcProvider.start(CLAIMS.entrySet()
            .stream()
            .map(e -> new OidcProvider.Account(e.getKey(), PASSWORD, e.getValue()))
            .toList());
        properties.add("meedoen.portal.digid.issuer", broker::issuer);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    HikariDataSource owner;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @BeforeEach
    void registerMeedoen() {
        broker.allow(base());
    }

    private JdbcClient db() {
        return JdbcClient.create(owner);
    }

    /** A new open file in the caseworker's municipality with the BSN; its id. */
    private UUID file(String caseworker, String givenName, String bsn) {
        Map<String, Object> body = Api.person(givenName, "Digid");
        body.put("bsn", bsn);
        Api.Response created = Api.as(mvc, caseworker).post("/api/v1/persons", body);
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asString());
    }

    private HttpBrowser browser() {
        return new HttpBrowser(base(), broker, PASSWORD);
    }

    private int accountsOf(UUID person) {
        return db().sql("select count(*) from resident_account where person_id = :p")
            .param("p", person)
            .query(Integer.class)
            .single();
    }

    @Test
    void theLoginPageOffersDigidWhenTheBrokerIsConfigured() throws Exception {
        HttpResponse<String> page = browser().get(base() + "/inloggen");

        assertThat(page.body()).contains("Inloggen met DigiD")
            .contains("href=\"/oauth2/authorization/digid\"")
            .doesNotContain("/oauth2/authorization/sso");
    }

    @Test
    void aResidentWithOneOpenFileLogsInToMijnMeedoenAsThatFilesResidentNeverAsStaff() throws Exception {
        String bsn = TestBsns.next();
        UUID person = file("begeleider", "Digna", bsn);
        // the token claims a staff role and a municipality besides: this client ignores
        // them
        CLAIMS.get("digid.een").putAll(Map.of("bsn", bsn, "roles", List.of("CASEWORKER"), "municipality", "0610"));
        HttpBrowser browser = browser();

        HttpResponse<String> landed = browser.loginThroughProvider("digid", "digid.een");

        assertThat(landed.uri().toString()).isEqualTo(base() + "/mijn");
        assertThat(landed.body()).contains("Digna");
        Map<String, Object> account = db().sql("""
                select u.username, u.role, u.password_change_required from resident_account r
                join app_user u on u.id = r.account_id where r.person_id = :p""")
            .param("p", person)
            .query()
            .singleRow();
        assertThat(account).containsEntry("role", "RESIDENT").containsEntry("password_change_required", false);
        String username = (String) account.get("username");
        assertThat(browser.get(base() + "/api/v1/my/overview").body()).contains("\"givenName\":\"Digna\"");
        assertThat(browser.get(base() + "/api/v1/me").statusCode()).as("a staff address").isEqualTo(403);
        assertThat(browser.get(base() + "/api/v1/persons/" + person).statusCode()).isEqualTo(403);
        assertThat(browser.get(base() + "/personen").body()).contains("Geen toegang");
        assertThat(db().sql("""
                select actor from audit_entry where person_id = :p and action = 'PORTAL_LOGIN' order by seq""")
            .param("p", person)
            .query(String.class)
            .list()).containsExactly(username);
        assertThat(db().sql("""
                select detail from audit_entry where subject_account = :u and action = 'SECURITY_EVENT'""")
            .param("u", username)
            .query(String.class)
            .list()).anyMatch(d -> d.startsWith("SSO_LOGIN: DigiD"));
        // the BSN is written in no log entry
        assertThat(db().sql("select count(*) from audit_entry where detail like :b")
            .param("b", "%" + bsn + "%")
            .query(Integer.class)
            .single()).isZero();

        // a second login finds the same account
        browser().loginThroughProvider("digid", "digid.een");
        assertThat(accountsOf(person)).isEqualTo(1);
    }

    @Test
    void aBsnWithoutAnOpenFileIsRefusedWithADutchPageAndMakesNoAccount() throws Exception {
        String ended = TestBsns.next();
        UUID closed = file("begeleider", "Gesloten", ended);
        db().sql("update person set ended_on = date '2024-01-31', end_reason = 'MOVED_AWAY' where id = :p")
            .param("p", closed)
            .update();
        for (Map.Entry<String, String> user : Map.of("digid.geen", TestBsns.next(), "digid.beeindigd", ended)
            .entrySet()) {
            CLAIMS.get(user.getKey()).put("bsn", user.getValue());
            HttpBrowser browser = browser();

            HttpResponse<String> refused = browser.loginThroughProvider("digid", user.getKey());

            assertThat(refused.uri().toString()).isEqualTo(base() + "/inloggen?geweigerd=digid_no_file");
            assertThat(refused.body()).contains("wij vinden geen dossier van u bij de gemeente")
                .contains("U bent daarom niet ingelogd");
            assertThat(browser.get(base() + "/api/v1/me").statusCode()).isEqualTo(401);
        }
        assertThat(accountsOf(closed)).isZero();
    }

    @Test
    void aBsnWithOpenFilesInTwoMunicipalitiesIsRefusedAndMakesNoAccount() throws Exception {
        String bsn = TestBsns.next();
        UUID sliedrecht = file("begeleider", "Tweede", bsn);
        UUID dordrecht = file("begeleider.dordrecht", "Tweede", bsn);
        CLAIMS.get("digid.twee").put("bsn", bsn);
        HttpBrowser browser = browser();

        HttpResponse<String> refused = browser.loginThroughProvider("digid", "digid.twee");

        assertThat(refused.uri().toString()).isEqualTo(base() + "/inloggen?geweigerd=digid_several_files");
        assertThat(refused.body()).contains("meer dan één dossier van u");
        assertThat(browser.get(base() + "/mijn").uri().toString()).startsWith(base() + "/inloggen");
        assertThat(accountsOf(sliedrecht) + accountsOf(dordrecht)).isZero();
    }

}
