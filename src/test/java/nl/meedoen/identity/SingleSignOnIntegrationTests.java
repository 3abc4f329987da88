package nl.meedoen.identity;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedoen.support.Browser;
import nl.meedoen.support.HttpBrowser;
import nl.meedoen.support.OidcProvider;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on end to end against a real OpenID Connect provider started in the test
 * (Spring Authorization Server on its own port), through a plain HTTP client that follows
 * every redirect as a browser does: Meedoen's login page, the provider's login form, the
 * authorization code coming back, the code exchanged for an ID token, and logging out at
 * both ends. Meedoen runs on 127.0.0.1, the provider on localhost, so each keeps its own
 * cookies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "meedoen.security.oidc.client-id=" + OidcProvider.CLIENT_ID,
                "meedoen.security.oidc.client-secret=" + OidcProvider.CLIENT_SECRET,
                "meedoen.security.oidc.name=Test-IdP Sliedrecht" })
@Import(TestClock.Wiring.class)
class SingleSignOnIntegrationTests {

    private static final Map<String, Object> ANNA = new ConcurrentHashMap<>(Map.of("preferred_username", "anna.sso",
            "name", "Anna Sso", "municipality", "0610", "roles", List.of("employee", "CASEWORKER")));

    private static final Map<String, Object> BRAM = new ConcurrentHashMap<>(Map.of("preferred_username", "bram.sso",
            "name", "Bram Sso", "municipality", "0610", "roles", List.of("POLICY_OFFICER")));

    private static final Map<String, Object> ELDERS = Map.of("preferred_username", "elders.sso", "name", "Elders Sso",
            "municipality", "9999", "roles", List.of("CASEWORKER"));

    private static final Map<String, Object> BURGER = Map.of("preferred_username", "burger.sso", "name", "Burger Sso",
            "municipality", "0610", "roles", List.of("citizen"));

    private static final Map<String, Object> CARLA = Map.of("preferred_username", "carla.sso", "name", "Carla Sso",
            "municipality", "0610", "roles", "PRIVACY_OFFICER");

    private static final Map<String, Object> DIRK = Map.of("preferred_username", "dirk.sso", "name", "Dirk Sso",
            "municipality", "0610", "roles", List.of("CASEWORKER"));

    private static final String PASSWORD = "idp-wachtwoord";

    private static OidcProvider provider;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        provider = OidcProvider.start(List.of(new OidcProvider.Account("anna.sso", PASSWORD, ANNA),
                new OidcProvider.Account("bram.sso", PASSWORD, BRAM),
                new OidcProvider.Account("elders.sso", PASSWORD, ELDERS),
                new OidcProvider.Account("burger.sso", PASSWORD, BURGER),
                new OidcProvider.Account("carla.sso", PASSWORD, CARLA),
                new OidcProvider.Account("dirk.sso", PASSWORD, DIRK)));
        properties.add("meedoen.security.oidc.issuer", provider::issuer);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("owner")
    HikariDataSource owner;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @BeforeEach
    void registerMeedoen() {
        provider.allow(base());
    }

    @Test
    void theLoginPageOffersTheProviderBesideTheLocalForm() throws Exception {
        HttpBrowser browser = new HttpBrowser(base(), provider, PASSWORD);
        HttpResponse<String> page = browser.get(base() + "/inloggen");
        assertThat(page.body()).contains("Inloggen met Test-IdP Sliedrecht")
            .contains("href=\"/oauth2/authorization/sso\"")
            .contains("name=\"password\"");
    }

    @Test
    void aFirstLoginProvisionsTheAccountInTheMunicipalityRoleAndTeamOfTheClaims() throws Exception {
        JdbcTemplate db = new JdbcTemplate(owner);
        String team = db.queryForObject("""
                select t.name from team t join municipality m on m.id = t.municipality_id
                where m.code = '0610' order by t.name limit 1""", String.class);
        ANNA.put("team", team);
        HttpBrowser browser = new HttpBrowser(base(), provider, PASSWORD);

        HttpResponse<String> landed = browser.loginThroughProvider("anna.sso");

        assertThat(landed.uri().toString()).isEqualTo(base() + "/");
        assertThat(landed.body()).contains("Anna Sso");
        Map<String, Object> account = db.queryForMap("""
                select u.role, t.name as team, m.code, u.sso_subject, u.password_change_required
                from app_user u join municipality m on m.id = u.municipality_id left join team t on t.id = u.team_id
                where u.username = 'anna.sso'""");
        assertThat(account).containsEntry("role", "CASEWORKER")
            .containsEntry("team", team)
            .containsEntry("code", "0610")
            .containsEntry("sso_subject", "anna.sso")
            .containsEntry("password_change_required", false);
        assertThat(browser.get(base() + "/api/v1/me").body()).contains("CASEWORKER").contains("anna.sso");
        assertThat(securityEvents("anna.sso")).anyMatch(d -> d.startsWith("SSO_LOGIN: provisioned: role CASEWORKER"));
    }

    @Test
    void aLaterLoginTakesTheNewRoleFromTheClaimsAndEndsTheOtherSessions() throws Exception {
        HttpBrowser first = new HttpBrowser(base(), provider, PASSWORD);
        first.loginThroughProvider("bram.sso");
        assertThat(first.get(base() + "/api/v1/me").body()).contains("POLICY_OFFICER");

        BRAM.put("roles", List.of("TEAM_LEAD"));
        HttpBrowser second = new HttpBrowser(base(), provider, PASSWORD);
        second.loginThroughProvider("bram.sso");

        assertThat(second.get(base() + "/api/v1/me").body()).contains("TEAM_LEAD");
        assertThat(first.get(base() + "/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(new JdbcTemplate(owner).queryForObject("select role from app_user where username = 'bram.sso'",
                String.class))
            .isEqualTo("TEAM_LEAD");
        assertThat(securityEvents("bram.sso")).anyMatch(d -> d.contains("role POLICY_OFFICER -> TEAM_LEAD"));
    }

    @Test
    void aTokenWithoutAKnownMunicipalityIsRefusedWithADutchPageAndMakesNoAccount() throws Exception {
        HttpBrowser browser = new HttpBrowser(base(), provider, PASSWORD);

        HttpResponse<String> refused = browser.loginThroughProvider("elders.sso");

        assertThat(refused.uri().toString()).isEqualTo(base() + "/inloggen?geweigerd=sso_municipality");
        assertThat(refused.body()).contains("geen gemeente die Meedoen bedient")
            .contains("Er is geen account aangemaakt");
        assertThat(new JdbcTemplate(owner).queryForObject("select count(*) from app_user where username = 'elders.sso'",
                Integer.class))
            .isZero();
        assertThat(browser.get(base() + "/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutARecognisedRoleIsRefusedAndTheRefusalIsASecurityEvent() throws Exception {
        HttpBrowser browser = new HttpBrowser(base(), provider, PASSWORD);

        HttpResponse<String> refused = browser.loginThroughProvider("burger.sso");

        assertThat(refused.uri().toString()).isEqualTo(base() + "/inloggen?geweigerd=sso_role");
        assertThat(refused.body()).contains("uw account heeft geen rol in Meedoen");
        assertThat(new JdbcTemplate(owner).queryForObject("select count(*) from app_user where username = 'burger.sso'",
                Integer.class))
            .isZero();
        assertThat(securityEvents("burger.sso")).anyMatch(d -> d.startsWith("SSO_REFUSED: no recognised role"));
    }

    @Test
    void loggingOutEndsTheSessionAtMeedoenAndAtTheProvider() throws Exception {
        HttpBrowser browser = new HttpBrowser(base(), provider, PASSWORD);
        browser.loginThroughProvider("carla.sso");
        assertThat(browser.get(base() + "/api/v1/me").body()).contains("PRIVACY_OFFICER");

        HttpResponse<String> home = browser.get(base() + "/");
        HttpResponse<String> loggedOut = browser.post(base() + "/uitloggen", Map.of("_csrf", csrf(home.body())));

        assertThat(loggedOut.uri().toString()).isEqualTo(base() + "/inloggen?uitgelogd");
        assertThat(browser.visited).anyMatch(uri -> uri.startsWith(provider.issuer() + "/connect/logout"));
        assertThat(browser.get(base() + "/api/v1/me").statusCode()).isEqualTo(401);
        // the provider's session ended too: signing on again asks for the password again
        HttpResponse<String> again = browser.get(base() + "/oauth2/authorization/sso");
        assertThat(again.uri().toString()).isEqualTo(provider.issuer() + "/login");
    }

    private List<String> securityEvents(String account) {
        return new JdbcTemplate(owner).queryForList("""
                select detail from audit_entry where subject_account = ? and action = 'SECURITY_EVENT'
                order by seq""", String.class, account);
    }

    private static String csrf(String html) {
        return HttpBrowser.csrf(html);
    }

    @Test
    void aCaseworkerLogsInThroughTheProviderInARealBrowserAndLogsOutAtBothEnds() {
        try (Browser chromium = Browser.open(port)) {
            // the browser reaches Meedoen as localhost: its redirect address is
            // registered so
            provider.allow(chromium.url(""));
            chromium.visit("/inloggen");
            chromium.visible(By.linkText("Inloggen met Test-IdP Sliedrecht")).click();
            chromium.waiting().until(ExpectedConditions.urlContains(provider.issuer() + "/login"));
            chromium.type(By.name("username"), "dirk.sso");
            chromium.type(By.name("password"), PASSWORD);
            chromium.visible(By.cssSelector("button[type=submit]")).click();

            chromium.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/uitloggen']")));
            assertThat(chromium.driver().getCurrentUrl()).isEqualTo(chromium.url("/"));
            assertThat(chromium.driver().getPageSource()).contains("Dirk Sso");
            assertThat(new JdbcTemplate(owner).queryForObject(
                    "select role from app_user where username = 'dirk.sso' and sso_subject is not null", String.class))
                .isEqualTo("CASEWORKER");

            chromium.visible(By.cssSelector("form[action$='/uitloggen'] button")).click();
            chromium.waiting().until(ExpectedConditions.urlContains("/inloggen"));
            chromium.visit("/");
            chromium.waiting().until(ExpectedConditions.urlContains("/inloggen"));
            // the provider's own session ended too: going there again asks for the
            // password
            chromium.visible(By.linkText("Inloggen met Test-IdP Sliedrecht")).click();
            chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.name("password")));
            assertThat(chromium.driver().getCurrentUrl()).startsWith(provider.issuer());
        }
    }

}
