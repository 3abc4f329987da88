package nl.meedoen.referrals;

import java.util.List;

import javax.sql.DataSource;

import nl.meedoen.support.Browser;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role's start page leads the day's work in a real browser: counts that link to
 * their lists, the team lead's dashboard, a search on every caseworker's page, and a
 * partner's count that rises when a referral reaches it; each page passes axe-core's WCAG
 * 2.1 AA check in Dutch and in English.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class StartPagesBrowserTests {

    @LocalServerPort
    private int port;

    @Autowired
    private MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    private DataSource ownerDataSource;

    @Autowired
    private PasswordEncoder passwords;

    @Test
    void eachRolesStartPageShowsItsWorkAsCountsThatLinkToTheListsAccessibly() {
        String[][] roles = { { "begeleider", "Mijn werk" }, { "teamleider", "Het team" },
                { "partner", "Verwijzingen aan uw organisatie" }, { "coordinator", "Maatjes" } };
        for (String[] role : roles) {
            try (Browser browser = Browser.open(port)) {
                browser.logIn(role[0], "demo");
                browser.visit("/");
                assertThat(browser.visible(By.tagName("main")).getText()).as(role[0]).contains(role[1]);
                List<WebElement> counts = browser.driver().findElements(By.cssSelector(".work-counts li a"));
                assertThat(counts).as(role[0] + " has counts").isNotEmpty();
                assertThat(counts).allSatisfy(count -> {
                    assertThat(count.findElement(By.className("work-count__number")).getText()).matches("\\d+");
                    assertThat(count.getDomAttribute("href")).startsWith("/");
                });
                browser.assertAccessible();
                browser.visit("/?lang=en");
                assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
                browser.assertAccessible();
            }
        }
    }

    @Test
    void theTeamLeadSeesTheTeamDashboardAndACaseworkerSearchesFromTheStartPage() {
        try (Browser browser = Browser.open(port)) {
            browser.logIn("teamleider", "demo");
            browser.visit("/");
            assertThat(browser.visible(By.tagName("main")).getText()).contains("Zonder begeleider");
        }
        new ReferralFixtures(mvc, ownerDataSource, passwords).person();
        try (Browser browser = Browser.open(port)) {
            browser.logIn("begeleider", "demo");
            browser.visit("/");
            browser.type(By.id("header-search-q"), "Testpersoon");
            browser.driver().findElement(By.cssSelector(".header-search button[type=submit]")).click();
            assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Personen");
            assertThat(browser.driver().getCurrentUrl()).doesNotContain("Testpersoon");
            browser.assertAccessible();
        }
    }

    @Test
    void aReferralSentToThePartnerRaisesItsWaitingCountByOne() {
        ReferralFixtures fixtures = new ReferralFixtures(mvc, ownerDataSource, passwords);
        String provision = fixtures.provisionOf(ReferralFixtures.LANGUAGE_SCHOOL);
        long before;
        try (Browser browser = Browser.open(port)) {
            browser.logIn("partner", "demo");
            browser.visit("/");
            before = waiting(browser);
        }

        fixtures.sent(fixtures.person(), provision, List.of("NAME"));

        try (Browser browser = Browser.open(port)) {
            browser.logIn("partner", "demo");
            browser.visit("/");
            assertThat(waiting(browser)).isEqualTo(before + 1);
            browser.assertAccessible();
        }
    }

    @Test
    void aPartnersAcceptanceReachesTheCaseworkersStartPageAndIsReadOnceOpened() {
        ReferralFixtures fixtures = new ReferralFixtures(mvc, ownerDataSource, passwords);
        String referral = fixtures.sent(fixtures.person(), fixtures.provisionOf(ReferralFixtures.LANGUAGE_SCHOOL),
                List.of("NAME"));
        assertThat(fixtures.partner()
            .post("/api/v1/referrals/" + referral + "/transitions", java.util.Map.of("to", "ACCEPTED"))
            .status()).isEqualTo(200);

        try (Browser browser = Browser.open(port)) {
            browser.logIn("begeleider", "demo");
            By notification = By.xpath("//section[contains(@class, 'notifications')]//li[contains(@class, "
                    + "'notification--unread')]/a[contains(., 'geaccepteerd')]");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            browser.visit("/");
            while (browser.driver().findElements(notification).isEmpty() && System.nanoTime() < deadline) {
                browser.visit("/");
            }
            WebElement unread = browser.visible(notification);
            String href = unread.getDomAttribute("href");
            browser.assertAccessible();

            unread.click();
            assertThat(browser.driver().getCurrentUrl()).endsWith("/verwijzingen/" + referral);
            browser.visit("/");
            assertThat(browser.driver()
                .findElements(By.xpath("//li[contains(@class, 'notification--unread')]/a[@href='" + href + "']")))
                .as("opened, so no longer new")
                .isEmpty();
        }
    }

    private static long waiting(Browser browser) {
        WebElement count = browser.visible(By.xpath(
                "//ul[@class='work-counts']//a[contains(., 'wacht op uw reactie') or contains(., 'wachten op uw reactie')]"));
        return Long.parseLong(count.findElement(By.className("work-count__number")).getText());
    }

}
