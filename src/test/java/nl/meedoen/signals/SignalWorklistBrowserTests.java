package nl.meedoen.signals;

import java.time.LocalDate;
import java.util.UUID;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.support.Browser;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker finds a signal on their worklist, explained in words, follows it to the
 * person's file with the open signal at the top, and acknowledges it; each page passes
 * the WCAG 2.1 AA check of axe-core.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class SignalWorklistBrowserTests {

    @LocalServerPort
    private int port;

    @Autowired
    private MockMvc mvc;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Municipalities municipalities;

    @Autowired
    private Signals signals;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theWorklistAndTheFileBannerShowTheSignalExplainedAndAccessibly() {
        SignalFixtures given = new SignalFixtures(municipalities, jdbc, mvc, signals);
        UUID person = given.person();
        LocalDate today = LocalDate.now();
        given.assign(person, given.caseworker("begeleider"), today.minusMonths(3));
        given.duty(person, today.minusWeeks(12), today.minusDays(5));
        given.evaluate(person);

        browser.logIn("begeleider", "demo");
        browser.visit("/signalen?regel=PLAN_OVERDUE");
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Mijn signalen");
        var row = browser.visible(By.xpath("//tr[th/a[@href='/personen/" + person + "']]"));
        assertThat(row.getText()).contains("PIP te laat", "Hoog", "er is nog geen PIP vastgesteld");
        browser.assertAccessible();

        row.findElement(By.linkText("Signaal Proef")).click();
        browser.waiting().until(ExpectedConditions.urlMatches("/personen/" + person + "$"));
        var banner = browser.visible(By.cssSelector(".file-notices"));
        assertThat(banner.getText()).contains("Open signalen", "PIP te laat: De termijn voor het PIP is op");
        browser.assertAccessible();

        browser.visit("/signalen?regel=PLAN_OVERDUE");
        browser.visible(By.xpath("//tr[th/a[@href='/personen/" + person + "']]//a[text()='PIP te laat']")).click();
        browser.visible(By.xpath("//button[text()='Gezien']")).click();
        assertThat(browser.visible(By.cssSelector(".alert--success")).getText())
            .isEqualTo("Het signaal is bijgewerkt.");
        assertThat(browser.visible(By.cssSelector("dl.facts")).getText()).contains("Gezien");
        browser.assertAccessible();
    }

}
