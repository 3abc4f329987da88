package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import nl.meedoen.support.Api;
import nl.meedoen.support.Browser;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker invites a person to the broad intake in a real browser, records that the
 * person did not come with the new invitation, and sees the warning on the intake page
 * and the whole history on the trajectory's timeline.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class TrajectoryIntakeBrowserTests {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

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
    void aNoShowIsRecordedWithItsWarningAndAppearsOnTheTimeline() {
        String person = Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Nardos", "Browserintake"))
            .body()
            .get("id")
            .asString();
        LocalDate missed = LocalDate.now().minusDays(3);
        LocalDate next = LocalDate.now().plusDays(11);
        browser.logIn("begeleider", "demo");
        browser.visit("/personen/" + person + "/traject/intake");
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Brede intake van Nardos Browserintake");

        browser.setDate(By.id("scheduledOn"), missed.toString());
        browser.type(By.id("location"), "Gemeentehuis Sliedrecht");
        browser.driver().findElement(By.xpath("//button[normalize-space()='Uitnodigen voor de brede intake']")).click();
        assertThat(browser.visible(By.cssSelector(".alert--success")).getText())
            .contains("De uitnodiging is vastgelegd.");

        browser.driver().findElement(By.id("outcome-NO_SHOW")).click();
        browser.driver().findElement(By.xpath("//button[normalize-space()='Uitkomst opslaan']")).click();
        assertThat(browser.visible(By.cssSelector(".alert--error")).getText())
            .contains("Vul de datum van de nieuwe uitnodiging in.");

        browser.driver().findElement(By.id("outcome-NO_SHOW")).click();
        browser.setDate(By.id("newInvitationOn"), next.toString());
        browser.driver().findElement(By.xpath("//button[normalize-space()='Uitkomst opslaan']")).click();
        assertThat(browser.visible(By.cssSelector(".alert--success")).getText())
            .contains("Stuur de persoon een waarschuwing bij de nieuwe uitnodiging.");
        assertThat(browser.visible(By.tagName("table")).getText()).contains("1e keer niet verschenen: waarschuwing")
            .contains(next.format(DUTCH));

        browser.driver().findElement(By.linkText("Overzicht")).click();
        String timeline = browser.visible(By.cssSelector("ol.timeline")).getText();
        assertThat(timeline).contains(missed.format(DUTCH) + " Niet verschenen bij de brede intake (1e keer)")
            .contains(next.format(DUTCH) + " Afspraak brede intake (nog te doen)");
    }

}
