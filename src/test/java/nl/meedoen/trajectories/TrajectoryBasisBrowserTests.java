package nl.meedoen.trajectories;

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
 * A caseworker records the duty and the PIP in a real browser and reads on the trajectory
 * tab why each computed date is that date.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class TrajectoryBasisBrowserTests {

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
    void theTrajectoryTabExplainsThePipDueDateAndTheIntegrationPeriodWithTheirRuleAndSource() {
        String person = Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Selam", "Browsertermijn"))
            .body()
            .get("id")
            .asString();
        browser.logIn("begeleider", "demo");
        browser.visit("/personen/" + person + "/traject");

        browser.setDate(By.id("duoNoticeDate"), "2024-12-20");
        browser.setDate(By.id("brpRegistrationDate"), "2025-01-06");
        browser.driver().findElement(By.xpath("//form[contains(@action, 'inburgeringsplicht')]//button")).click();
        assertThat(browser.visible(By.id("basis-planDueDate")).getText())
            .isEqualTo("PIP uiterlijk 17-03-2025: 10 weken na inschrijving in de BRP op 06-01-2025 "
                    + "(Wet inburgering 2021)");

        browser.setDate(By.id("adoptedOn"), "2025-03-01");
        browser.driver().findElement(By.id("route-B1")).click();
        browser.driver().findElement(By.xpath("//button[normalize-space()='PIP vastleggen']")).click();
        assertThat(browser.visible(By.id("basis-integrationPeriodEnd")).getText())
            .isEqualTo("Inburgeringstermijn tot en met 01-03-2028: 3 jaar vanaf de dag na het eerste PIP van "
                    + "01-03-2025 (Wet inburgering 2021, art. 11)");
        assertThat(browser.visible(By.id("basis-routeSwitchDeadline")).getText()).contains("18 maanden");
    }

}
