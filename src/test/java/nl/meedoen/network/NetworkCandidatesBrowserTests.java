package nl.meedoen.network;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.meedoen.support.Api;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator opens the candidate list of a request in a real browser: the best
 * candidate first with a table per candidate that explains each score component; a
 * volunteer without a valid VOG is not in the list; proposing the best one leads to the
 * match page.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class NetworkCandidatesBrowserTests {

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
    void candidateListExplainsEachScoreAndProposesTheBest() {
        String best = volunteer("Brouwer", "hy", LocalDate.now().minusMonths(6));
        String withoutVog = volunteer("Zondervog", "hy", null);
        String person = Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Armen", "Kandidatenlijst"))
            .body()
            .get("id")
            .asString();
        String request = Api.as(mvc, "begeleider")
            .post("/api/v1/persons/" + person + "/match-requests",
                    Map.of("role", "LANGUAGE_BUDDY", "languages", List.of("hy"), "postcode", "3361 AB"))
            .body()
            .get("id")
            .asString();

        browser.logIn("coordinator", "demo");
        browser.visit("/netwerk/verzoeken/" + request);

        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Kandidaten voor Armen Kandidatenlijst");
        WebElement first = browser.visible(By.cssSelector("#candidates li.candidate"));
        assertThat(first.getDomAttribute("data-volunteer")).isEqualTo(best);
        assertThat(first.findElement(By.tagName("h3")).getText()).contains("1. Test Brouwer", "punten");
        WebElement language = first.findElement(By.cssSelector("tr[data-factor='LANGUAGE']"));
        assertThat(language.findElement(By.tagName("th")).getText()).isEqualTo("Gedeelde taal");
        assertThat(language.getText()).contains("50 van 50", "Spreekt Armeens");
        assertThat(first.findElements(By.cssSelector("table.explanation tbody tr"))).hasSize(7);
        assertThat(first.findElement(By.tagName("caption")).getText()).contains("Opbouw van de score");
        assertThat(browser.driver().findElements(By.cssSelector("li[data-volunteer='" + withoutVog + "']"))).isEmpty();

        first.findElement(By.cssSelector("button[type=submit]")).click();

        browser.waiting().until(ExpectedConditions.urlMatches("/netwerk/koppelingen/"));
        assertThat(browser.visible(By.id("match-status")).getText()).isEqualTo("Voorgesteld");
        assertThat(browser.visible(By.cssSelector("[role=status]")).getText()).contains("voorgesteld");
    }

    private String volunteer(String familyName, String language, LocalDate vogDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("givenName", "Test");
        body.put("familyName", familyName);
        body.put("languages", List.of(language));
        body.put("roles", List.of("LANGUAGE_BUDDY"));
        body.put("vogDate", vogDate == null ? null : vogDate.toString());
        body.put("postcode", "3361 AB");
        return Api.as(mvc, "coordinator").post("/api/v1/volunteers", body).body().get("id").asString();
    }

}
