package nl.meedoen.plans;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.Browser;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker opens the plan tab in a real browser: the goals by spearhead with their
 * status in words, the language chart with its table; a progress review without a date is
 * refused in Dutch beside the field, and once dated it moves the goal's status and the
 * next review date.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class PlanTabBrowserTests {

    @LocalServerPort
    private int port;

    @Autowired
    private MockMvc mvc;

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
    void thePlanTabShowsGoalsLanguageAndTakesAReview() {
        Api api = Api.as(mvc, "begeleider");
        String person = api.post("/api/v1/persons", Api.person("Tesfay", "Browserplan")).body().get("id").asString();
        String goal = api
            .post("/api/v1/persons/" + person + "/plan/goals",
                    Map.of("area", "LIVING_ENVIRONMENT", "description", "Zelf de weg vinden naar de huisarts"))
            .body()
            .get("id")
            .asString();
        api.post("/api/v1/persons/" + person + "/language-levels",
                Map.of("skill", "SPEAKING", "level", "A1", "assessedOn", "2025-04-01", "source", "TEST"));
        api.post("/api/v1/persons/" + person + "/language-levels",
                Map.of("skill", "SPEAKING", "level", "A2", "assessedOn", "2025-10-01", "source", "EXAM"));

        browser.logIn("begeleider", "demo");
        browser.visit("/personen/" + person);
        browser.visible(By.cssSelector(".file-tabs")).findElement(By.linkText("Plan")).click();

        browser.waiting().until(ExpectedConditions.urlMatches("/personen/" + person + "/plan$"));
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Plan van Tesfay Browserplan");
        WebElement area = browser.visible(By.cssSelector("section[data-area='LIVING_ENVIRONMENT']"));
        assertThat(area.getText()).contains("Kennen van de leefomgeving", "Zelf de weg vinden naar de huisarts",
                "Open");
        WebElement chart = browser.visible(By.cssSelector(".language-chart svg[role=img]"));
        assertThat(chart.findElements(By.cssSelector("g[data-skill='SPEAKING'] polygon"))).hasSize(2);
        assertThat(browser.visible(By.id("language-table")).getText()).contains("01-10-2025", "A2", "Examen");

        browser.driver().findElement(By.id("heldOn")).clear();
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('heldOn').value = '';");
        new Select(browser.visible(By.id("status-" + goal))).selectByValue("ON_TRACK");
        browser.driver().findElement(By.cssSelector("#review-form button[type=submit]")).click();

        assertThat(browser.visible(By.id("review-errors")).getText()).contains("Vul de datum van het gesprek in.");
        assertThat(browser.driver().findElement(By.id("heldOn")).getDomAttribute("aria-invalid")).isEqualTo("true");

        browser.setDate(By.id("heldOn"), LocalDate.now().toString());
        browser.type(By.id("notes"), "Kent de huisarts en de apotheek al.");
        browser.driver().findElement(By.cssSelector("#review-form button[type=submit]")).click();

        browser.waiting().until(ExpectedConditions.urlContains("#gesprek"));
        assertThat(browser.visible(By.cssSelector("[role=status]")).getText())
            .contains("Het voortgangsgesprek is vastgelegd.");
        assertThat(browser.visible(By.cssSelector("article[data-goal='" + goal + "'] .status")).getText())
            .contains("Op koers");
        assertThat(browser.visible(By.id("reviews")).getText()).contains("Kent de huisarts en de apotheek al.");
        assertThat(browser.visible(By.id("next-review")).getText())
            .contains(LocalDate.now().plusMonths(3).format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
    }

}
