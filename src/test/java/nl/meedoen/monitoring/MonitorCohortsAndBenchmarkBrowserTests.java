package nl.meedoen.monitoring;

import java.util.UUID;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.monitoring.internal.MonitoringSettings;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Browser;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy officer opens the cohorts, picks the years and finds the charts and the
 * tables per measure; opens the benchmark, told first that the municipality does not take
 * part and then, once it does, shown the table beside similar municipalities. Every page
 * passes axe-core's WCAG 2.1 AA check.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class MonitorCohortsAndBenchmarkBrowserTests {

    @LocalServerPort
    private int port;

    @Autowired
    MonitoringSettings settings;

    @Autowired
    Municipalities municipalities;

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
    void thePolicyOfficerReadsTheCohorts() {
        browser.logIn("beleid", "demo");
        browser.visit("/monitor/cohorten");
        new Select(browser.visible(By.id("van"))).selectByVisibleText("2019");
        new Select(browser.visible(By.id("tot"))).selectByVisibleText("2025");
        browser.visible(By.cssSelector("form.monitor-period button")).click();
        browser.waiting().until(driver -> driver.getCurrentUrl().contains("van=2019"));
        assertThat(browser.visible(By.tagName("h1")).getText())
            .isEqualTo("Cohorten naar jaar van huisvesting 2019–2025");
        assertThat(browser.driver().findElements(By.cssSelector("figure.monitor-chart svg"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("figure.monitor-chart table")))
            .hasSameSizeAs(browser.driver().findElements(By.cssSelector("figure.monitor-chart svg")));
        assertThat(browser.visible(By.cssSelector("table[data-table=sizes] tr[data-cohort=total] th")).getText())
            .isEqualTo("Totaal");
        assertThat(
                browser.visible(By.cssSelector("table[data-table=PAID_WORK] tr[data-cohort=reference] th")).getText())
            .isEqualTo("Landelijk");
        browser.assertAccessible();
    }

    @Test
    void thePolicyOfficerComparesWithSimilarMunicipalitiesOnceTheMunicipalityTakesPart() {
        UUID demo = municipalities.byCode("0610").orElseThrow().id();
        MonitoringSettings.Settings before = Tenancy.runAs(demo, settings::current);
        browser.logIn("beleid", "demo");
        try {
            if (before.benchmarkOptIn()) {
                Tenancy.runAs(demo,
                        () -> settings.change(before.threshold(), false, before.benchmarkMinPeers(), before.version()));
            }
            browser.visit("/monitor/benchmark?periode=2025-H1");
            assertThat(browser.visible(By.tagName("h1")).getText())
                .isEqualTo("Benchmark met vergelijkbare gemeenten 2025-H1");
            assertThat(browser.visible(By.id("problem")).getText()).contains("doet niet mee aan de benchmark");
            assertThat(browser.driver().findElements(By.tagName("table"))).isEmpty();
            browser.assertAccessible();
            MonitoringSettings.Settings out = Tenancy.runAs(demo, settings::current);
            Tenancy.runAs(demo, () -> settings.change(out.threshold(), true, out.benchmarkMinPeers(), out.version()));
            browser.visit("/monitor/benchmark?periode=2025-H1");
            assertThat(browser.visible(By.tagName("h1")).getText())
                .isEqualTo("Benchmark met vergelijkbare gemeenten 2025-H1");
            assertThat(browser.driver().findElements(By.id("problem"))).isEmpty();
            assertThat(browser.visible(By.cssSelector("table.monitor-table caption")).getText())
                .startsWith("Benchmark, gemeenten met");
            assertThat(browser.driver().findElements(By.cssSelector("table.monitor-table th[scope=col]")))
                .extracting(cell -> cell.getText())
                .contains("Eigen gemeente", "Mediaan", "Vergelijkbare gemeenten");
            assertThat(browser.visible(By.cssSelector("tr[data-indicator=HOUSING_HOUSED] th")).getText()).isNotBlank();
            // the rule with the municipality's own minimum of peers
            assertThat(browser.visible(By.cssSelector("div.table-scroll + p.muted")).getText())
                .startsWith("Met minder dan " + out.benchmarkMinPeers() + " vergelijkbare gemeenten");
            browser.assertAccessible();
        }
        finally {
            Tenancy.runAs(demo, () -> settings.change(before.threshold(), before.benchmarkOptIn(),
                    before.benchmarkMinPeers(), settings.current().version()));
        }
    }

}
