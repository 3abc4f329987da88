package nl.meedoen.housing;

import java.time.LocalDate;
import java.util.Locale;

import nl.meedoen.support.Browser;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team lead opens the housing overview in a real browser: the current half-year with
 * its figures in text and a progress bar, the chart with its table; an official figure
 * entered with a mistake is refused in Dutch beside the field, and once corrected it
 * appears in the period table.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class HousingOverviewBrowserTests {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    @LocalServerPort
    private int port;

    @Autowired
    private MessageSource messages;

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
    void overviewShowsTheCurrentPeriodWithFiguresProgressAndHistory() {
        browser.logIn("teamleider", "demo");
        browser.visit("/huisvesting");

        String current = QuotaPeriod.halfYearOf(LocalDate.now()).toString();
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Huisvesting vergunninghouders");
        assertThat(browser.visible(By.id("current-title")).getText()).isEqualTo("Huidige periode: " + current);
        WebElement progress = browser.visible(By.cssSelector("progress.quota-progress"));
        assertThat(progress.getDomAttribute("aria-labelledby")).isEqualTo("progress-label");
        assertThat(browser.visible(By.id("progress-label")).getText()).contains("Voortgang " + current)
            .containsPattern("\\d+ van \\d+ gehuisvest \\(\\d+%\\)");
        assertThat(browser.driver().findElements(By.cssSelector("[data-figure]"))).hasSize(4);
        WebElement chart = browser.visible(By.cssSelector(".chart svg[role=img]"));
        assertThat(chart.findElements(By.cssSelector("rect.chart__official"))).isNotEmpty();
        WebElement row2016 = browser.visible(By.cssSelector("tr[data-period='2016']"));
        assertThat(row2016.getText()).contains("64", "Integratienota Sliedrecht");
        assertThat(browser.visible(By.cssSelector("tr[data-period='2019-H1']")).getText()).contains("demogegeven");
        assertThat(browser.driver().findElements(By.linkText("Wachtlijst"))).hasSize(1);
    }

    @Test
    void officialFigureWithAMistakeIsRefusedInDutchAndSavedOnceCorrected() {
        browser.logIn("teamleider", "demo");
        browser.visit("/huisvesting/taakstelling");

        browser.type(By.id("period"), "2099-H3");
        browser.type(By.id("official"), "-4");
        browser.type(By.id("source"), "Circulaire taakstelling eerste helft 2099");
        browser.submitMainForm();

        assertThat(browser.visible(By.id("period-error")).getText())
            .isEqualTo(messages.getMessage("housing.period.invalid", null, DUTCH));
        assertThat(browser.visible(By.id("official-error")).getText())
            .isEqualTo(messages.getMessage("housing.number.wholeNonNegative", null, DUTCH));
        assertThat(browser.driver().findElement(By.id("official")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.visible(By.id("error-summary")).getText()).contains("Controleer de invoer");

        browser.type(By.id("period"), "2099-H1");
        browser.type(By.id("official"), "21");
        browser.submitMainForm();

        browser.waiting().until(ExpectedConditions.urlMatches("/huisvesting$"));
        assertThat(browser.visible(By.cssSelector("[role=status]")).getText()).contains("2099-H1");
        assertThat(browser.visible(By.cssSelector("tr[data-period='2099-H1']")).getText()).contains("21",
                "Circulaire taakstelling eerste helft 2099");
    }

}
