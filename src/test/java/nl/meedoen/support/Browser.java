package nl.meedoen.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headless Chromium, in Dutch, pointed at the application on a local port. Uses the
 * Chromium and ChromeDriver of the operating system and never downloads anything. Without
 * them, browser tests are skipped; with {@code MEEDOEN_REQUIRE_BROWSER=1} (as in the
 * build pipeline) they fail instead, so they cannot silently vanish.
 *
 * <pre>
 * &#64;MeedoenIntegrationTest
 * &#64;ExtendWith(Browser.Installed.class)
 * class SomethingBrowserTests {
 *     ...
 *     try (Browser browser = Browser.open(port)) {
 *         browser.logIn("begeleider", "demo");
 *         browser.visit("/personen");
 *     }
 * }
 * </pre>
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Set to {@code 1} to turn a missing browser into a failure instead of a skipped
     * test.
     */
    public static final String REQUIRE_VARIABLE = "MEEDOEN_REQUIRE_BROWSER";

    private static final String REQUIRED_NOTE = " (" + REQUIRE_VARIABLE
            + "=1: a missing browser fails the build instead of skipping its tests)";

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;

    private final Path profile;

    private final String baseUrl;

    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, PATIENCE);
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * Skips the calling test when Chromium or ChromeDriver is missing, or fails it when
     * {@value #REQUIRE_VARIABLE}=1. {@link #open} calls it; test classes use
     * {@link Installed} to decide before the application starts.
     */
    public static void require() {
        Optional<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        if (required()) {
            Assertions.fail(missing.get() + REQUIRED_NOTE);
        }
        Assumptions.abort(missing.get());
    }

    /**
     * For {@code @ExtendWith} on a test class: skips the whole class, before Spring
     * starts the application, when Chromium or ChromeDriver is missing, or fails it when
     * {@value #REQUIRE_VARIABLE}=1. The skip and its reason show in the test report.
     */
    public static final class Installed implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> missing = missing();
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
            }
            if (required()) {
                throw new AssertionFailedError(missing.get() + REQUIRED_NOTE);
            }
            return ConditionEvaluationResult.disabled(missing.get());
        }

    }

    private static Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM.toString());
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER.toString());
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("Browser tests need Chromium and ChromeDriver, but " + String.join(" and ", missing)
                        + (missing.size() == 1 ? " is" : " are")
                        + " missing. Install them with: apt-get install -y chromium chromium-driver");
    }

    private static boolean required() {
        return "1".equals(System.getenv(REQUIRE_VARIABLE));
    }

    /**
     * Starts a fresh browser (own empty profile, no cookies) for the application on
     * {@code port}.
     */
    public static Browser open(int port) {
        require();
        Path profile;
        try {
            profile = Files.createTempDirectory("meedoen-chromium-");
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot create a Chromium profile directory", ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=nl-NL", "--user-data-dir=" + profile, "--window-size=1280,1024");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
        // An explicit driver executable makes Selenium skip Selenium Manager, which would
        // otherwise try to
        // download a driver.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        try {
            return new Browser(new ChromeDriver(service, options), profile, "http://localhost:" + port);
        }
        catch (RuntimeException ex) {
            deleteQuietly(profile);
            throw ex;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** The absolute address of a path of the application. */
    public String url(String path) {
        return baseUrl + path;
    }

    /** Opens a path of the application, such as {@code /personen}. */
    public void visit(String path) {
        driver.get(url(path));
    }

    /**
     * Logs in through the login form and waits until the start page shows the user is
     * logged in.
     */
    public void logIn(String username, String password) {
        submitLogin(username, password);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/uitloggen']")));
    }

    /** Fills in and submits the login form, without waiting for the outcome. */
    public void submitLogin(String username, String password) {
        visit("/inloggen");
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user.clear();
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    /** The element, once it is visible. */
    public WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Fills a text field, replacing what was in it. */
    public void type(By locator, String text) {
        WebElement field = visible(locator);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Fills a date field with an ISO date (yyyy-MM-dd). Typing into
     * {@code <input type=date>} depends on the browser's locale and date format, so the
     * value is set directly, with the events a user's input would fire.
     */
    public void setDate(By locator, String isoDate) {
        WebElement field = visible(locator);
        ((JavascriptExecutor) driver).executeScript("""
                const field = arguments[0];
                field.value = arguments[1];
                field.dispatchEvent(new Event('input', { bubbles: true }));
                field.dispatchEvent(new Event('change', { bubbles: true }));
                """, field, isoDate);
        wait.until(ExpectedConditions.domPropertyToBe(field, "value", isoDate));
    }

    /**
     * Submits the form of the page's main content (not the log-out form in the header).
     */
    public void submitMainForm() {
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    /**
     * Asserts that the page shown passes axe-core's WCAG 2.1 AA check (tags wcag2a,
     * wcag2aa, wcag21a, wcag21aa), naming the page's address in the failure.
     */
    public void assertAccessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(driver());
        assertThat(results.getViolations()).as("axe-core violations on %s", driver().getCurrentUrl()).isEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | RuntimeException ex) {
            // A temporary profile left behind is harmless.
        }
    }

}
