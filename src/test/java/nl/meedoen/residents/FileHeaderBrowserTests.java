package nl.meedoen.residents;

import javax.sql.DataSource;

import nl.meedoen.support.Browser;
import nl.meedoen.support.DemoAddresses;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker reads the summary at the top of a file, moves between its tabs, opens the
 * print view and the person list with its filters, in Dutch and in English; every page
 * passes the WCAG 2.1 AA check of axe-core.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class FileHeaderBrowserTests {

    @LocalServerPort
    private int port;

    @Autowired
    @Qualifier("owner")
    private DataSource ownerDataSource;

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
    void theFileHeaderTabsPrintViewAndListAreReadableAndAccessibleInDutchAndEnglish() {
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        String person = DemoAddresses.any(owner, """
                select p.id from person p join municipality m on m.id = p.municipality_id
                where m.code = '0610' and p.ended_on is null and\s""" + DemoAddresses.FIRST_TEAM + """
                 and exists (select 1 from trajectory_caseworker c where c.person_id = p.id)
                 and exists (select 1 from plan pl where pl.person_id = p.id)
                 and exists (select 1 from referral r where r.person_id = p.id)
                order by p.id""");
        browser.logIn("begeleider", "demo");

        browser.visit("/personen/" + person);
        assertThat(browser.visible(By.id("file-header-facts")).getText()).contains("Trajectbegeleider", "Plan",
                "Doelgroep");
        assertThat(browser.visible(By.cssSelector(".file-tabs a[aria-current=page]")).getText()).isEqualTo("Dossier");
        browser.assertAccessible();

        browser.visible(By.cssSelector(".file-tabs")).findElement(By.linkText("Plan")).click();
        browser.waiting().until(ExpectedConditions.urlMatches("/personen/" + person + "/plan$"));
        assertThat(browser.visible(By.cssSelector(".file-tabs a[aria-current=page]")).getText()).isEqualTo("Plan");
        assertThat(browser.visible(By.id("file-header-facts")).getText()).contains("Trajectbegeleider");
        browser.assertAccessible();

        browser.visible(By.linkText("Dossier afdrukken")).click();
        browser.waiting().until(ExpectedConditions.urlMatches("/personen/" + person + "/afdrukken$"));
        assertThat(browser.visible(By.id("print-meta")).getText()).startsWith("Gemeente Sliedrecht, afgedrukt op");
        assertThat(browser.driver()
            .findElements(By.cssSelector(".file-print__section h2"))
            .stream()
            .map(h -> h.getText())
            .toList()).contains("Samenvatting", "Persoonsgegevens", "Huishouden", "Traject", "Plan", "Verwijzingen");
        browser.assertAccessible();

        browser.visit("/personen");
        assertThat(browser.visible(By.id("dossiers-MIJN")).isSelected()).isTrue();
        browser.assertAccessible();

        browser.visit("/personen/" + person + "?taal=en");
        assertThat(browser.visible(By.id("file-header-facts")).getText()).contains("Caseworker", "Category");
        assertThat(browser.visible(By.cssSelector(".file-tabs a[aria-current=page]")).getText()).isEqualTo("File");
        browser.assertAccessible();
        browser.visit("/personen/" + person + "/afdrukken");
        assertThat(browser.visible(By.id("print-meta")).getText()).contains("printed on");
        browser.assertAccessible();
        browser.visit("/personen?dossiers=TEAM&sorteer=AANKOMST");
        assertThat(browser.visible(By.tagName("form")).isDisplayed()).isTrue();
        browser.assertAccessible();
    }

}
