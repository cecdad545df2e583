package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.marquee.orderapi.account.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The customer pages in a real headless Chromium against the test pipeline: signing in (texted code, password),
 * the live seat map, the seat rules explained before ordering, paying on the gateway simulator's page, the tickets.
 */
class PagesBrowserIT extends BrowserTests {

    private static final Duration PAGE = Duration.ofSeconds(30);

    @Test
    void aCustomerSignsInWithATextedCodeSeesAnotherHoldAppearLiveAndPaysForTwoSeats() throws Exception {
        long screening = Api.newScreening(2);
        WebDriver browser = Browser.fresh();
        signInWithTextedCode(browser, "/pages/screening.html?id=" + screening);
        awaitMapReady(browser);

        String other = placeAsAnotherCustomer(screening, "E3", "E4");
        Api.awaitStatus(other, "HELD");
        long seen = System.nanoTime();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> stateOf(browser, "E3").equals("HELD") && stateOf(browser, "E4").equals("HELD"));
        long showedAfterMillis = (System.nanoTime() - seen) / 1_000_000;
        assertThat(showedAfterMillis).as("the other customer's hold showed on the map").isLessThan(1000);

        seat(browser, "E1").click();
        seat(browser, "E2").click();
        assertThat(browser.findElement(By.id("chosen")).getText()).isEqualTo("E1, E2");
        assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("120.00 CNY");
        Browser.screenshot("seat-map.png");

        browser.findElement(By.id("order")).click();
        awaitStatusShown(browser, "HELD");
        assertThat(browser.findElement(By.id("countdown")).getText()).matches("[0-9]{2}:[0-9]{2}");

        String orderWindow = browser.getWindowHandle();
        browser.findElement(By.id("pay")).click();
        await().atMost(PAGE).until(() -> browser.getWindowHandles().size() == 2);
        String payWindow = browser.getWindowHandles().stream().filter(h -> !h.equals(orderWindow)).findFirst().orElseThrow();
        browser.switchTo().window(payWindow);
        await().atMost(PAGE).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("button[value=SUCCESS]")).isDisplayed());
        browser.findElement(By.cssSelector("button[value=SUCCESS]")).click();
        browser.switchTo().window(orderWindow);   // the gateway's tab stays open, as a customer would leave it

        awaitStatusShown(browser, "PAID");
        await().atMost(PAGE).until(() -> browser.findElements(By.cssSelector(".ticket img")).size() == 2);
        // both QR codes drawn; the images are looked up afresh each time (the page may redraw the tickets meanwhile)
        await().atMost(PAGE).ignoreException(StaleElementReferenceException.class).until(() -> Boolean.TRUE.equals(
                ((JavascriptExecutor) browser).executeScript("const codes = document.querySelectorAll('.ticket img');"
                        + " return codes.length === 2 && [...codes].every(img => img.complete && img.naturalWidth > 0)")));
        assertThat(browser.findElement(By.id("tickets")).getText()).contains("Seat E1").contains("Seat E2");
        Browser.screenshot("order-paid.png");

        String orderId = browser.getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");
        browser.findElement(By.linkText("My orders")).click();
        await().atMost(PAGE).ignoreExceptions().until(() -> browser.findElement(
                By.cssSelector("tr[data-order='" + orderId + "'] .status")).getText().equals("PAID"));
        assertThat(browser.findElements(By.cssSelector("#orders tr"))).hasSize(1);   // a new customer: this one only
    }

    @Test
    void aChoiceThatWouldStrandASeatIsPointedOutBeforeOrdering() throws Exception {
        long screening = Api.newScreening(2);
        String other = placeAsAnotherCustomer(screening, "F3", "F4");
        Api.awaitStatus(other, "HELD");
        WebDriver browser = Browser.fresh();
        signInWithPassword(browser, DemoAccounts.SECOND_CUSTOMER, "/pages/screening.html?id=" + screening);
        awaitMapReady(browser);
        assertThat(stateOf(browser, "F4")).isEqualTo("HELD");

        seat(browser, "F6").click();

        assertThat(browser.findElement(By.id("orphan-hint")).getText()).contains("F5").contains("alone");
        assertThat(seat(browser, "F5").getAttribute("class")).contains("orphan");
        assertThat(browser.findElement(By.id("order")).isEnabled()).isFalse();

        seat(browser, "F5").click();   // taking the stranded seat too makes the choice fine
        assertThat(browser.findElement(By.id("orphan-hint")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("order")).isEnabled()).isTrue();
    }

    @Test
    void aLoveSeatIsChosenWithItsPartnerAndHeldAsAPair() throws Exception {
        long screening = Api.newScreening(1);
        WebDriver browser = Browser.fresh();
        signInWithPassword(browser, DemoAccounts.CUSTOMER, "/pages/screening.html?id=" + screening);
        awaitMapReady(browser);

        seat(browser, "H3").click();

        assertThat(seat(browser, "H3").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(seat(browser, "H4").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.findElement(By.id("chosen")).getText()).isEqualTo("H3, H4");
        browser.findElement(By.id("order")).click();
        awaitStatusShown(browser, "HELD");
        assertThat(browser.findElement(By.id("what")).getText()).startsWith("Seats H3, H4");
    }

    /**
     * The seat map without a mouse: Tab enters the map (one Tab stop), the arrow keys move between seats as they sit
     * in the hall, Space and Enter choose, Tab leaves for the order button and Enter places the order. Seats that
     * change state on the map (another customer's hold) do not move: every seat keeps its box.
     */
    @Test
    void aCustomerChoosesSeatsAndOrdersWithTheKeyboardAloneAndUpdatesDoNotMoveTheLayout() throws Exception {
        long screening = Api.newScreening(2);
        WebDriver browser = Browser.fresh();
        signInWithPassword(browser, DemoAccounts.SECOND_CUSTOMER, "/pages/screening.html?id=" + screening);
        awaitMapReady(browser);
        String boxesBefore = seatBoxes(browser);

        Actions keys = new Actions(browser);
        for (int i = 0; i < 40 && !isSeat(focused(browser)); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        WebElement start = focused(browser);
        assertThat(isSeat(start)).as("Tab reaches the map").isTrue();
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        keys.sendKeys(Keys.ARROW_RIGHT).perform();
        WebElement first = focused(browser);
        assertThat(gridOf(browser, first)).containsExactly(gridOf(browser, start)[0] + 2, gridOf(browser, start)[1] + 1);
        keys.sendKeys(Keys.SPACE).perform();
        keys.sendKeys(Keys.ARROW_RIGHT).perform();
        WebElement second = focused(browser);
        assertThat(gridOf(browser, second)[0]).isEqualTo(gridOf(browser, first)[0]);
        keys.sendKeys(Keys.ENTER).perform();
        String one = first.getDomAttribute("data-label"), two = second.getDomAttribute("data-label");
        assertThat(browser.findElement(By.id("chosen")).getText()).isEqualTo(one + ", " + two);

        String other = placeAsAnotherCustomer(screening, "J10", "J11");
        Api.awaitStatus(other, "HELD");
        await().atMost(PAGE).until(() -> stateOf(browser, "J10").equals("HELD") && stateOf(browser, "J11").equals("HELD"));
        assertThat(seatBoxes(browser)).as("no seat moved when the map changed").isEqualTo(boxesBefore);

        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused(browser).getDomAttribute("id")).as("Tab leaves the map for the order button").isEqualTo("order");
        keys.sendKeys(Keys.ENTER).perform();
        awaitStatusShown(browser, "HELD");
        assertThat(browser.findElement(By.id("what")).getText()).startsWith("Seats " + one + ", " + two);
    }

    private static boolean isSeat(WebElement element) {
        return element.getDomAttribute("data-label") != null;
    }

    private static WebElement focused(WebDriver browser) {
        return browser.switchTo().activeElement();
    }

    private static int[] gridOf(WebDriver browser, WebElement seat) {
        Object place = ((JavascriptExecutor) browser).executeScript(
                "return [Number(arguments[0].style.gridRowStart), Number(arguments[0].style.gridColumnStart)]", seat);
        List<?> values = (List<?>) place;
        return new int[] {((Number) values.get(0)).intValue(), ((Number) values.get(1)).intValue()};
    }

    /** Every seat's box on the page (not the viewport: focus may scroll), as one string (label: x, y, width, height). */
    private static String seatBoxes(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll('.seat')]"
                + ".map(b => { const r = b.getBoundingClientRect(); return b.dataset.label + ':' + [r.x + scrollX, r.y"
                + " + scrollY, r.width, r.height].join(','); }).join(' ')");
    }

    private static void signInWithTextedCode(WebDriver browser, String then) {
        String phone = "+86139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        browser.get(SharedPipeline.baseUrl() + "/pages/sign-in.html?then=" + URLEncoder.encode(then, StandardCharsets.UTF_8));
        WebElement phoneField = browser.findElement(By.id("code-phone"));
        phoneField.clear();
        phoneField.sendKeys(phone);
        browser.findElement(By.id("send-code")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !SharedPipeline.gateway().smsSentTo(phone).isEmpty());
        String code = SharedPipeline.gateway().smsSentTo(phone).getFirst().text().replaceAll(".*code is ([0-9]{6}).*", "$1");
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("sign-in-code")).click();
        await().atMost(PAGE).until(() -> browser.getCurrentUrl().endsWith(then));
    }

    private static void signInWithPassword(WebDriver browser, String phone, String then) {
        browser.get(SharedPipeline.baseUrl() + "/pages/sign-in.html?then=" + URLEncoder.encode(then, StandardCharsets.UTF_8));
        WebElement phoneField = browser.findElement(By.id("phone"));
        phoneField.clear();
        phoneField.sendKeys(phone);
        browser.findElement(By.id("password")).sendKeys(SharedPipeline.DEMO_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        await().atMost(PAGE).until(() -> browser.getCurrentUrl().endsWith(then));
    }

    private static String placeAsAnotherCustomer(long screening, String... seats) throws Exception {
        String body = "{\"screeningId\":" + screening + ",\"seats\":[\"" + String.join("\",\"", seats) + "\"]}";
        var placed = Api.post("/api/orders", body);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        return Api.json(placed).read("$.id");
    }

    private static void awaitMapReady(WebDriver browser) {
        await().atMost(PAGE).ignoreExceptions().until(() -> "true".equals(
                browser.findElement(By.id("seat-map")).getDomAttribute("data-ready")));
    }

    private static void awaitStatusShown(WebDriver browser, String status) {
        await().atMost(PAGE).ignoreExceptions()
                .until(() -> browser.findElement(By.id("status")).getText().equals(status));
    }

    private static WebElement seat(WebDriver browser, String label) {
        return browser.findElement(By.cssSelector(".seat[data-label='" + label + "']"));
    }

    private static String stateOf(WebDriver browser, String label) {
        String classes = seat(browser, label).getAttribute("class");
        return classes.contains("HELD") ? "HELD" : classes.contains("SOLD") ? "SOLD" : "FREE";
    }
}
