package dev.marquee.launcher;

import static dev.marquee.launcher.CustomerPages.PAGE;
import static dev.marquee.launcher.CustomerPages.awaitMapReady;
import static dev.marquee.launcher.CustomerPages.awaitStatusShown;
import static dev.marquee.launcher.CustomerPages.orderShown;
import static dev.marquee.launcher.CustomerPages.placeAsAnotherCustomer;
import static dev.marquee.launcher.CustomerPages.seat;
import static dev.marquee.launcher.CustomerPages.seatBoxes;
import static dev.marquee.launcher.CustomerPages.signInWithPassword;
import static dev.marquee.launcher.CustomerPages.signInWithTextedCode;
import static dev.marquee.launcher.CustomerPages.stateOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

        assertThat(browser.findElement(By.id("prices")).getText()).isEqualTo("Standard 60.00 CNY");
        seat(browser, "E1").click();
        seat(browser, "E2").click();
        assertThat(browser.findElement(By.id("chosen")).getText()).isEqualTo("E1, E2");
        assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("120.00 CNY");
        Browser.screenshot("seat-map.png");

        browser.findElement(By.id("order")).click();
        awaitStatusShown(browser, "HELD");
        String countdown = browser.findElement(By.id("countdown")).getText();
        assertThat(countdown).as("the pipeline holds for 15 minutes").matches("1[45]:[0-9]{2}");
        await().atMost(Duration.ofSeconds(3)).until(() -> seconds(browser.findElement(By.id("countdown")).getText())
                < seconds(countdown));

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

        String orderId = orderShown(browser);
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

        assertThat(browser.findElements(By.cssSelector("#prices li"))).extracting(WebElement::getText).containsExactly(
                "Standard 60.00 CNY", "Wheelchair space 45.00 CNY", "Companion seat 45.00 CNY",
                "Love seat 80.00 CNY a seat, sold in pairs");
        assertThat(seat(browser, "H3").getDomAttribute("title")).isEqualTo("H3, love seat, 80.00 CNY, free");
        assertThat(seat(browser, "A1").getDomAttribute("title")).isEqualTo("A1, wheelchair space, 45.00 CNY, free");

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

    /**
     * What is showing, step by step: a city, a movie, one of its screenings, whose seat map names it. More screenings
     * start earlier than a page of the catalog's lists holds (20), so a page that read only the first page of
     * screenings would miss this one.
     */
    @Test
    void aCustomerFindsAScreeningByCityThenMovieHoweverManyScreeningsThereAre() throws Exception {
        for (int i = 0; i < 21; i++) {
            Api.newScreeningStartingAt(2, Instant.now().plus(Duration.ofDays(4)).plusSeconds(i));
        }
        long screening = Api.newScreening(1, 2);
        String city = Api.query("SELECT c.city FROM cinema c JOIN hall h ON h.cinema_id = c.id WHERE h.id = 1").getFirst();
        String movie = Api.query("SELECT title FROM movie WHERE id = 2").getFirst();
        WebDriver browser = Browser.fresh();

        browser.get(SharedPipeline.baseUrl() + "/pages/index.html");
        await().atMost(PAGE).ignoreExceptions().until(() -> browser.findElement(By.linkText(city)).isDisplayed());
        browser.findElement(By.linkText(city)).click();
        await().atMost(PAGE).ignoreExceptions().until(() -> browser.findElement(By.linkText(movie)).isDisplayed());
        browser.findElement(By.linkText(movie)).click();
        By ours = By.cssSelector("#choices a[href='/pages/screening.html?id=" + screening + "']");
        await().atMost(PAGE).ignoreExceptions().until(() -> browser.findElement(ours).isDisplayed());
        assertThat(browser.findElement(By.id("step-title")).getText()).isEqualTo(movie + " in " + city);
        browser.findElement(ours).click();

        awaitMapReady(browser);
        assertThat(browser.findElement(By.id("title")).getText()).startsWith(movie + " · ");
    }

    /**
     * The hall to scale: hall 1's rows have an aisle after their fourth seat (A: {@code WCSS_SSSSSSSCW}), drawn as an
     * empty place as wide as a seat, so A4 and A5 sit two places apart where A3 and A4 sit one.
     */
    @Test
    void theSeatMapDrawsTheHallsAisleAsAnEmptyPlaceTheWidthOfASeat() throws Exception {
        long screening = Api.newScreening(1);
        WebDriver browser = Browser.fresh();
        browser.get(SharedPipeline.baseUrl() + "/pages/screening.html?id=" + screening);
        awaitMapReady(browser);

        double a3 = left(browser, "A3"), a4 = left(browser, "A4"), a5 = left(browser, "A5");
        double place = a4 - a3;
        assertThat(place).isPositive();
        assertThat(a5 - a4).as("A4 to A5 across the aisle, against one place %s px", place).isCloseTo(2 * place, within(1.0));
        assertThat(browser.findElement(By.id("totals")).getText()).isEqualTo("104 free · 0 held · 0 sold of 104");
        Browser.screenshot("seat-map-hall-1.png");
    }

    private static double left(WebDriver browser, String label) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].getBoundingClientRect().x", seat(browser, label))).doubleValue();
    }

    private static int seconds(String minutesAndSeconds) {
        String[] parts = minutesAndSeconds.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }
}
