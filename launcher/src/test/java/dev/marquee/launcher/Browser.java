package dev.marquee.launcher;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for the browser tests of this JVM (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code ./marquee test} installs when it can). Where they are missing the tests are skipped, loudly: the
 * assumption's message says so in the test report and {@code ./marquee test} repeats it in its summary.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MARQUEE_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("MARQUEE_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static ChromeDriver driver;

    private Browser() {
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** Skips the calling test, loudly (the message reaches the report), when there is no Chromium to drive. */
    static void assumeAvailable() {
        assumeTrue(available(),
                "BROWSER TESTS SKIPPED: no Chromium at " + CHROMIUM + " or no chromedriver at " + DRIVER
                        + " (apt-get install chromium chromium-driver, or set MARQUEE_CHROMIUM / MARQUEE_CHROMEDRIVER)");
    }

    static synchronized WebDriver get() {
        assumeAvailable();
        if (driver == null) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=900,1000");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            driver.manage().window().setSize(new Dimension(900, 1000));
        }
        return driver;
    }

    /** Closes the browser (its open seat-map streams with it). */
    static synchronized void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /**
     * A fresh start: no cookies of a previous test, one window. A previous test that left another window (the
     * gateway's pay page) gets a new browser: closing a tab can hang Chromium for 20 s under load (seen in CI).
     */
    static WebDriver fresh() {
        WebDriver browser = get();
        if (browser.getWindowHandles().size() > 1) {
            quit();
            browser = get();
        }
        browser.get(SharedPipeline.baseUrl() + "/pages/index.html");
        browser.manage().deleteAllCookies();
        return browser;
    }

    /** One part of the page as it is now (scrolled into view), as a PNG in the repository's docs/. */
    static void screenshotOf(WebElement element, String name) throws IOException {
        driver.executeScript("arguments[0].scrollIntoView(true)", element);
        Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs");
        Files.createDirectories(docs);
        Files.write(docs.resolve(name), element.getScreenshotAs(OutputType.BYTES));
    }

    /** The page as it is now, as a PNG in the repository's docs/ (README shows them). */
    static void screenshot(String name) throws IOException {
        Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs");
        Files.createDirectories(docs);
        Files.write(docs.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }
}
