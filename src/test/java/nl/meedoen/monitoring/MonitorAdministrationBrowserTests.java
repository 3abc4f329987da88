package nl.meedoen.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.monitoring.internal.MonitoringSettings;
import nl.meedoen.monitoring.internal.ReferenceFigures;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Browser;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator keeps the national reference table and the monitor's settings in the
 * browser: a bad value is refused beside what was typed, a good one is saved and shown
 * again. Every page, with and without its error, passes axe-core's WCAG 2.1 AA check.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class MonitorAdministrationBrowserTests {

    @LocalServerPort
    private int port;

    @Autowired
    MonitoringSettings settings;

    @Autowired
    ReferenceFigures references;

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

    UUID demo() {
        return municipalities.byCode("0610").orElseThrow().id();
    }

    @Test
    void theAdministratorAddsANationalReferenceFigure() {
        Map<String, ReferenceFigures.Reference> before = Tenancy.runAs(demo(), references::all);
        browser.logIn("beheerder", "demo");
        try {
            browser.visit("/beheer/referentiecijfers");
            assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Landelijke referentiecijfers");
            assertThat(browser.visible(By.cssSelector("table.monitor-table caption")).getText())
                .isEqualTo("Landelijke referentiecijfers");
            assertThat(browser.driver().findElements(By.cssSelector("input[name=code]")))
                .extracting(field -> field.getDomProperty("value"))
                .contains("COHORT_PAID_WORK_18");
            browser.assertAccessible();
            String row = Integer.toString(before.size());
            browser.type(By.id("code-" + row), "cohort_b1_36");
            browser.type(By.id("value-" + row), "veel");
            browser.type(By.id("source-" + row), "Proefbron");
            browser.submitMainForm();
            assertThat(browser.visible(By.id("problem")).getText()).contains("Rij " + (before.size() + 1),
                    "Vul een waarde in van 0 tot 100000");
            assertThat(browser.visible(By.id("value-" + row)).getDomProperty("value")).isEqualTo("veel");
            browser.assertAccessible();
            browser.type(By.id("value-" + row), "12,5");
            browser.submitMainForm();
            assertThat(browser.visible(By.cssSelector(".alert--success")).getText())
                .isEqualTo("De referentiecijfers zijn opgeslagen.");
            WebElement added = browser.driver()
                .findElements(By.cssSelector("input[name=code]"))
                .stream()
                .filter(field -> "COHORT_B1_36".equals(field.getDomProperty("value")))
                .findFirst()
                .orElseThrow();
            String index = added.getDomProperty("id").substring("code-".length());
            assertThat(browser.visible(By.id("value-" + index)).getDomProperty("value")).isEqualTo("12.5");
            assertThat(browser.visible(By.id("source-" + index)).getDomProperty("value")).isEqualTo("Proefbron");
            browser.assertAccessible();
        }
        finally {
            Tenancy.runAs(demo(), () -> references.replace(new ArrayList<>(before.values()), references.version()));
        }
    }

    @Test
    void theAdministratorSetsTheBenchmarksMinimumOfPeers() {
        MonitoringSettings.Settings before = Tenancy.runAs(demo(), settings::current);
        int chosen = before.benchmarkMinPeers() == 7 ? 8 : 7;
        browser.logIn("beheerder", "demo");
        try {
            browser.visit("/beheer/monitor");
            assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Instellingen beleidsmonitor");
            assertThat(browser.visible(By.cssSelector("label[for=benchmarkMinPeers]")).getText())
                .startsWith("Minimum aantal vergelijkbare gemeenten");
            assertThat(browser.visible(By.id("benchmarkMinPeers")).getDomAttribute("aria-describedby"))
                .contains("benchmarkMinPeers-hint");
            assertThat(browser.visible(By.id("benchmarkMinPeers-hint")).getText())
                .startsWith("De benchmark toont alleen cijfers als minstens zoveel andere gemeenten");
            assertThat(browser.visible(By.id("benchmarkMinPeers")).getDomProperty("value"))
                .isEqualTo(Integer.toString(before.benchmarkMinPeers()));
            browser.assertAccessible();
            browser.type(By.id("benchmarkMinPeers"), "veel");
            browser.submitMainForm();
            assertThat(browser.visible(By.id("benchmarkMinPeers-error")).getText())
                .isEqualTo("Vul het aantal gemeenten in als een getal van 3 tot en met 20, bijvoorbeeld 5.");
            assertThat(browser.visible(By.id("error-summary")).findElements(By.tagName("li"))).hasSize(1);
            assertThat(browser.visible(By.id("benchmarkMinPeers")).getDomProperty("value")).isEqualTo("veel");
            assertThat(browser.visible(By.id("benchmarkMinPeers")).getDomAttribute("aria-invalid")).isEqualTo("true");
            browser.assertAccessible();
            assertThat(Tenancy.runAs(demo(), settings::current)).isEqualTo(before);
            browser.type(By.id("benchmarkMinPeers"), Integer.toString(chosen));
            browser.submitMainForm();
            assertThat(browser.visible(By.cssSelector(".alert--success")).getText())
                .isEqualTo("De instellingen zijn opgeslagen.");
            assertThat(browser.visible(By.id("benchmarkMinPeers")).getDomProperty("value"))
                .isEqualTo(Integer.toString(chosen));
            assertThat(Tenancy.runAs(demo(), settings::current).benchmarkMinPeers()).isEqualTo(chosen);
            browser.assertAccessible();
        }
        finally {
            Tenancy.runAs(demo(), () -> settings.change(before.threshold(), before.benchmarkOptIn(),
                    before.benchmarkMinPeers(), settings.current().version()));
        }
    }

}
