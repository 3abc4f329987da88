package nl.meedoen.provisions;

import java.util.List;

import nl.meedoen.support.Browser;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker opens the provision directory in a real browser, narrows it to language
 * provisions offered in Tigrinya, then searches a word, and opens a provision to print it
 * for a resident.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class ProvisionDirectoryBrowserTests {

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
    void aCaseworkerFiltersTheDirectoryByDomainLanguageAndText() {
        browser.logIn("begeleider", "demo");
        browser.driver().findElement(By.linkText("Sociale kaart")).click();

        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Sociale kaart");
        int all = provisions().size();
        assertThat(all).isGreaterThan(10);
        assertThat(browser.visible(By.cssSelector("label[for=domein]")).getText()).isEqualTo("Domein");

        new Select(browser.visible(By.id("domein"))).selectByVisibleText("Taal");
        new Select(browser.visible(By.id("taalcode"))).selectByVisibleText("Tigrinya");
        browser.submitMainForm();

        browser.waiting().until(ExpectedConditions.urlContains("taalcode=ti"));
        List<WebElement> language = provisions();
        assertThat(language).isNotEmpty().hasSizeLessThan(all);
        assertThat(language).allSatisfy(p -> {
            assertThat(p.getDomAttribute("data-domain")).isEqualTo("LANGUAGE");
            assertThat(p.findElement(By.className("provision__languages")).getText()).contains("Tigrinya");
        });
        assertThat(browser.visible(By.id("result-count")).getText()).endsWith("gevonden");
        assertThat(new Select(browser.visible(By.id("domein"))).getFirstSelectedOption().getText()).isEqualTo("Taal");

        browser.visit("/sociale-kaart");
        browser.type(By.id("q"), "zwemles");
        browser.submitMainForm();
        browser.waiting().until(ExpectedConditions.urlContains("q=zwemles"));
        assertThat(provisions()).singleElement()
            .satisfies(p -> assertThat(p.getText()).contains("Zwemles voor volwassenen", "Sportvereniging Sliedrecht",
                    "Vrouwenuren op vrijdag"));

        browser.driver().findElement(By.linkText("Zwemles voor volwassenen")).click();
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Zwemles voor volwassenen");
        assertThat(browser.visible(By.cssSelector("main")).getText()).contains("Aanbieder",
                "Sportvereniging Sliedrecht", "Aanmelden");
        assertThat(browser.driver().findElements(By.xpath("//button[contains(., 'Afdrukken')]"))).hasSize(1);

        browser.visit("/sociale-kaart?q=onvindbaarwoord");
        assertThat(browser.visible(By.cssSelector("main")).getText())
            .contains("Er zijn geen voorzieningen die aan uw zoekopdracht voldoen.");
    }

    private List<WebElement> provisions() {
        return browser.driver().findElements(By.cssSelector("li.provision"));
    }

}
