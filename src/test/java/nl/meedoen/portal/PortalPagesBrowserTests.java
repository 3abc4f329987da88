package nl.meedoen.portal;

import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import nl.meedoen.support.Browser;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of Mijn Meedoen, found by following the links under {@code /mijn} from the
 * overview ({@link PortalLinks}), in real Chromium as the demo resident: in Dutch and in
 * Arabic (right to left), 375 px wide (a phone) and 1280 px wide, each passes axe-core's
 * WCAG 2.1 AA check, is not wider than a phone's screen and carries no script, so it
 * works without JavaScript.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class PortalPagesBrowserTests {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @LocalServerPort
    private int port;

    @Test
    void everyPortalPageIsAccessibleFitsAPhoneAndNeedsNoScriptInDutchAndArabic() {
        try (Browser browser = Browser.open(port)) {
            browser.logIn("inwoner", "demo");
            List<String> pages = PortalLinks.discover(path -> {
                browser.visit(path);
                return browser.driver().getPageSource();
            });
            System.out.println("Portal pages found from /mijn: " + pages);
            assertThat(pages).contains("/mijn", "/mijn/inzage", "/mijn/gegevens");

            SoftAssertions soft = new SoftAssertions();
            for (String language : List.of("nl", "ar")) {
                browser.visit("/mijn/taal?code=" + language + "&terug=/mijn");
                for (int width : List.of(375, 1280)) {
                    viewport(browser.driver(), width);
                    for (String page : pages) {
                        check(browser, page, language, width, soft);
                    }
                }
            }
            soft.assertAll();
        }
    }

    private static void check(Browser browser, String page, String language, int width, SoftAssertions soft) {
        browser.visit(page);
        WebDriver driver = browser.driver();
        String where = page + " (" + language + ", " + width + " px)";
        soft.assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
            .as("language of " + where)
            .isEqualTo(language);
        soft.assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir"))
            .as("direction of " + where)
            .isEqualTo(language.equals("ar") ? "rtl" : "ltr");
        soft.assertThat(driver.findElements(By.tagName("script")).size()).as("scripts on " + where).isZero();
        if (width == 375) {
            Number overflow = (Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            soft.assertThat(overflow.intValue()).as("pixels wider than the screen on " + where).isLessThanOrEqualTo(0);
        }
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        soft.assertThat(results.getViolations()
            .stream()
            .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
            .toList()).as("axe-core violations on " + where).isEmpty();
    }

    /** The page's width as a phone's (375 px) or a laptop's (1280 px) screen. */
    private static void viewport(WebDriver driver, int width) {
        ((ChromiumDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", width < 600 ? 812 : 900, "deviceScaleFactor", 1, "mobile", width < 600));
    }

}
