package org.phasegate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.phasegate.store.Fixtures;

/**
 * One headless Chromium for a test class: Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * (installed by {@code .ci/run}; {@code PHASEGATE_CHROMIUM} and {@code PHASEGATE_CHROMEDRIVER} name others), never a
 * downloaded browser, a fresh profile, 1280×800. Pages say they are drawn by setting {@code data-ready} on
 * {@code <html>} (app.js {@code ready()}); {@link #open} waits for it.
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final String base;
    private final Path profile;
    private final ChromeDriver driver;

    Browser(String base) throws IOException {
        this.base = base;
        var chromium = Path.of(System.getenv().getOrDefault("PHASEGATE_CHROMIUM", "/usr/bin/chromium"));
        var chromedriver = Path.of(System.getenv().getOrDefault("PHASEGATE_CHROMEDRIVER", "/usr/bin/chromedriver"));
        for (var p : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException("the browser tests need " + p + ": install Debian's chromium and chromium-driver "
                        + "(.ci/run does: apt-get install chromium chromium-driver), or name them with PHASEGATE_CHROMIUM / PHASEGATE_CHROMEDRIVER");
            }
        }
        profile = Files.createTempDirectory("phasegate-chromium-");
        var options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,800");
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a page ("" or "index" for the Overview, else its name) and waits until it says it is drawn. */
    public void open(String page) {
        openPath(page.isEmpty() || page.equals("index") ? "/" : "/" + page + ".html");
    }

    /** Opens a path of the server (with its query) and waits until the page says it is drawn. */
    public void openPath(String path) {
        driver.get(base + path);
        waitReady();
    }

    /** Waits until the page has set data-ready on its root element (after its data arrived, or its error is shown). */
    public void waitReady() {
        new WebDriverWait(driver, WAIT).until(d -> "true".equals(d.findElement(By.tagName("html")).getDomAttribute("data-ready")));
    }

    /** Signs in through the login page as a cast member and waits for the Overview to show them. */
    public void login(String user) {
        driver.get(base + "/login.html");
        driver.findElement(By.id("name")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.cssSelector("#login button[type=submit]")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), user + " ("));
        waitReady();
    }

    /** Signs out if signed in (the session cookie dies with the server's session). */
    public void logout() {
        driver.manage().deleteAllCookies();
        driver.executeScript("sessionStorage.clear()");
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until an element matching the selector is visible, and returns it. */
    public WebElement await(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Waits until the condition holds (e.g. a value computed in the page). A page that re-renders between a lookup and
     * a read makes the element stale: that is "not yet", so the condition is asked again.
     */
    public void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Scrolls the element matching the selector to the top of the window, then as {@link #screenshot(String)}. */
    public Path screenshot(String name, String css) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", find(css));
        return screenshot(name);
    }

    /** Writes target/screenshots/NAME.png and checks that it shows something: not one colour nearly everywhere. */
    public Path screenshot(String name) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        var file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var blank = Screenshots.dominantShare(png);
        assertThat(blank).as("share of %s's pixels in its most common colour (a blank page is ~1.0)", file).isLessThan(Screenshots.BLANK);
        return file;
    }

    /** Fails on any console error (uncaught exceptions, failed loads, CSP refusals) logged since the last check. */
    public void assertNoConsoleErrors() {
        assertNoConsoleErrorsExcept(null);
    }

    /** As {@link #assertNoConsoleErrors()}, but errors matching {@code expected} (e.g. a refusal the test provokes) are allowed. */
    public void assertNoConsoleErrorsExcept(Pattern expected) {
        var errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> expected == null || !expected.matcher(m).find()).toList();
        assertThat(errors).as("console errors on %s", driver.getCurrentUrl()).isEmpty();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
