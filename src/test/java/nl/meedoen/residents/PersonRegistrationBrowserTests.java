package nl.meedoen.residents;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import nl.meedoen.support.Browser;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker registers a person in a real browser: a BSN that fails the eleven test is
 * refused with a Dutch message beside the field and nothing is stored; once corrected,
 * the dossier opens and the search finds the person.
 */
@MeedoenIntegrationTest
@ExtendWith(Browser.Installed.class)
class PersonRegistrationBrowserTests {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private static final Random RANDOM = new SecureRandom();

    @LocalServerPort
    private int port;

    @Autowired
    private MessageSource messages;

    /**
     * The owner's pool connects as the database superuser, whom row-level security does
     * not restrict: "nothing stored" then means nothing stored in any municipality.
     */
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
    void registersAPersonAfterCorrectingAnInvalidBsn() {
        String familyName = uniqueFamilyName();
        String validBsn = unusedValidBsn();
        browser.logIn("begeleider", "demo");

        browser.visit("/personen/nieuw");
        browser.type(By.id("givenName"), "Amira");
        browser.type(By.id("familyName"), familyName);
        browser.setDate(By.id("dateOfBirth"), "1991-04-17");
        Select category = new Select(browser.visible(By.id("category")));
        category.selectByValue("PERMIT_HOLDER");
        assertThat(category.getFirstSelectedOption().getText()).isEqualTo("Statushouder");
        browser.type(By.id("bsn"), "123456789");
        browser.submitMainForm();

        WebElement bsnError = browser.visible(By.id("bsn-error"));
        assertThat(bsnError.getText()).isEqualTo(messages.getMessage("person.bsn.invalid", null, DUTCH))
            .startsWith("Dit is geen geldig BSN");
        WebElement bsnField = browser.driver().findElement(By.id("bsn"));
        WebElement bsnFormField = bsnField.findElement(By.xpath("./ancestor::div[contains(@class, 'form-field')][1]"));
        assertThat(bsnFormField.findElements(By.id("bsn-error"))).as("error beside the BSN field").hasSize(1);
        assertThat(bsnFormField.getDomAttribute("class")).contains("form-field--invalid");
        assertThat(bsnField.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(bsnField.getDomAttribute("aria-describedby")).contains("bsn-error");
        assertThat(browser.visible(By.id("error-summary")).getText()).contains("Dit is geen geldig BSN");
        assertThat(browser.driver().findElements(By.cssSelector(".field-error"))).as("only the BSN is wrong")
            .hasSize(1);
        // What was entered is still there, so only the BSN needs to be corrected.
        assertThat(bsnField.getDomProperty("value")).isEqualTo("123456789");
        assertThat(browser.driver().findElement(By.id("givenName")).getDomProperty("value")).isEqualTo("Amira");
        assertThat(browser.driver().findElement(By.id("familyName")).getDomProperty("value")).isEqualTo(familyName);
        assertThat(browser.driver().findElement(By.id("dateOfBirth")).getDomProperty("value")).isEqualTo("1991-04-17");
        assertThat(new Select(browser.driver().findElement(By.id("category"))).getFirstSelectedOption()
            .getDomProperty("value")).isEqualTo("PERMIT_HOLDER");
        assertThat(personsNamed(familyName)).as("persons stored after the refused form").isZero();

        browser.type(By.id("bsn"), validBsn);
        browser.submitMainForm();

        browser.waiting().until(ExpectedConditions.urlMatches("/personen/[0-9a-f-]{36}\\?opgeslagen$"));
        assertThat(browser.visible(By.tagName("h1")).getText()).contains("Amira " + familyName);
        assertThat(browser.visible(By.cssSelector("[role=status]")).getText())
            .isEqualTo(messages.getMessage("person.saved", null, DUTCH));
        assertThat(personsNamed(familyName)).isEqualTo(1);

        browser.visit("/personen");
        WebElement search = browser.visible(By.id("q"));
        search.sendKeys(familyName.substring(0, familyName.length() - 2));
        search.sendKeys(Keys.ENTER);
        // The search form posts its query, so the result page's address holds no query.
        browser.waiting().until(ExpectedConditions.urlMatches("/personen/zoeken$"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "1 persoon"));
        WebElement results = browser.visible(By.id("results"));
        assertThat(results.findElements(By.linkText(familyName + ", Amira"))).hasSize(1);
        assertThat(results.getText()).contains(validBsn, "Statushouder", "17-04-1991");
    }

    @Test
    void loginPageIsDutchAndRefusesAWrongPassword() {
        browser.visit("/inloggen");
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nl");
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Inloggen");
        assertThat(browser.driver().findElement(By.cssSelector("label[for=username]")).getText())
            .isEqualTo("Gebruikersnaam");
        assertThat(browser.driver().findElement(By.cssSelector("label[for=password]")).getText())
            .isEqualTo("Wachtwoord");

        browser.submitLogin("begeleider", "niet-het-wachtwoord");

        WebElement alert = browser.visible(By.cssSelector("[role=alert]"));
        assertThat(alert.getText()).startsWith("De gebruikersnaam of het wachtwoord is onjuist")
            .isEqualTo(messages.getMessage("login.failed", null, DUTCH));
        assertThat(browser.driver().getCurrentUrl()).contains("/inloggen");
        assertThat(browser.driver().findElements(By.cssSelector("form[action$='/uitloggen']"))).as("not logged in")
            .isEmpty();
    }

    /**
     * A family name no other test or demo person has: a fixed start and random letters.
     */
    private static String uniqueFamilyName() {
        StringBuilder name = new StringBuilder("Zoektest");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }

    /**
     * A BSN that passes the eleven test and is not yet stored; never one of the demo
     * range 9999xxxxx.
     */
    private String unusedValidBsn() {
        while (true) {
            String prefix = String.format("%08d", 10_000_000 + RANDOM.nextInt(80_000_000));
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (prefix.charAt(i) - '0');
            }
            int check = sum % 11;
            String candidate = prefix + check;
            if (check < 10 && Elfproef.holds(candidate) && !bsnTaken(candidate)) {
                return candidate;
            }
        }
    }

    private boolean bsnTaken(String bsn) {
        return JdbcClient.create(ownerDataSource)
            .sql("select count(*) from person where bsn = :bsn")
            .param("bsn", bsn)
            .query(Long.class)
            .single() > 0;
    }

    private long personsNamed(String familyName) {
        return JdbcClient.create(ownerDataSource)
            .sql("select count(*) from person where family_name = :name")
            .param("name", familyName)
            .query(Long.class)
            .single();
    }

}
