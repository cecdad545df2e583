package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** What the customer-page browser tests do on the pages: sign in, wait for the map or an order's status, read seats. */
final class CustomerPages {

    static final Duration PAGE = Duration.ofSeconds(30);

    private CustomerPages() {
    }

    static void signInWithTextedCode(WebDriver browser, String then) {
        String phone = "+86139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        WebElement phoneField = openSignIn(browser, then, "code-phone");
        phoneField.clear();
        phoneField.sendKeys(phone);
        browser.findElement(By.id("send-code")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !SharedPipeline.gateway().smsSentTo(phone).isEmpty());
        String code = SharedPipeline.gateway().smsSentTo(phone).getFirst().text().replaceAll(".*code is ([0-9]{6}).*", "$1");
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("sign-in-code")).click();
        await().atMost(PAGE).until(() -> browser.getCurrentUrl().endsWith(then));
    }

    static void signInWithPassword(WebDriver browser, String phone, String then) {
        WebElement phoneField = openSignIn(browser, then, "phone");
        phoneField.clear();
        phoneField.sendKeys(phone);
        browser.findElement(By.id("password")).sendKeys(SharedPipeline.DEMO_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        await().atMost(PAGE).until(() -> browser.getCurrentUrl().endsWith(then));
    }

    /**
     * The sign-in page, once its form is there: in one CI run a browser started afresh (the previous test left the
     * gateway's tab open) had no form yet right after the navigation returned.
     */
    private static WebElement openSignIn(WebDriver browser, String then, String field) {
        String url = SharedPipeline.baseUrl() + "/pages/sign-in.html?then=" + URLEncoder.encode(then, StandardCharsets.UTF_8);
        browser.get(url);
        return await().atMost(PAGE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .alias("the sign-in form at " + url)
                .until(() -> browser.findElement(By.id(field)), WebElement::isDisplayed);
    }

    static String placeAsAnotherCustomer(long screening, String... seats) throws Exception {
        String body = "{\"screeningId\":" + screening + ",\"seats\":[\"" + String.join("\",\"", seats) + "\"]}";
        var placed = Api.post("/api/orders", body);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        return Api.json(placed).read("$.id");
    }

    static void awaitMapReady(WebDriver browser) {
        await().atMost(PAGE).ignoreExceptions().until(() -> "true".equals(
                browser.findElement(By.id("seat-map")).getDomAttribute("data-ready")));
    }

    static void awaitStatusShown(WebDriver browser, String status) {
        await().atMost(PAGE).ignoreExceptions()
                .until(() -> browser.findElement(By.id("status")).getText().equals(status));
    }

    /** The order the order page shows (its {@code id} parameter). */
    static String orderShown(WebDriver browser) {
        return browser.getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");
    }

    static WebElement seat(WebDriver browser, String label) {
        return browser.findElement(By.cssSelector(".seat[data-label='" + label + "']"));
    }

    static String stateOf(WebDriver browser, String label) {
        String classes = seat(browser, label).getAttribute("class");
        return classes.contains("HELD") ? "HELD" : classes.contains("SOLD") ? "SOLD" : "FREE";
    }

    /** Every seat's box on the page (not the viewport: focus may scroll), as one string (label: x, y, width, height). */
    static String seatBoxes(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll('.seat')]"
                + ".map(b => { const r = b.getBoundingClientRect(); return b.dataset.label + ':' + [r.x + scrollX, r.y"
                + " + scrollY, r.width, r.height].join(','); }).join(' ')");
    }
}
