package nl.meedoen.monitoring;

import nl.meedoen.support.Browser;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy officer logs in, lands on the dashboard, picks a period, and finds the
 * charts with their summaries and data tables; the page passes axe-core's WCAG 2.1 AA
 * check.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class MonitorDashboardBrowserTests {

    @LocalServerPort
    private int port;

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
    void thePolicyOfficerReadsTheMonitor() {
        browser.logIn("beleid", "demo");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/monitor");
        new Select(browser.visible(By.id("periode"))).selectByVisibleText("2025-H1");
        browser.visible(By.cssSelector("form.monitor-period button")).click();
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Monitor integratie en participatie 2025-H1");
        assertThat(browser.driver().findElements(By.cssSelector("figure.monitor-chart svg"))).hasSize(8);
        assertThat(browser.driver().findElements(By.cssSelector("figure.monitor-chart table"))).hasSize(8);
        browser.assertAccessible();
    }

}
