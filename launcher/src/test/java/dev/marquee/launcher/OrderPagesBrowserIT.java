package dev.marquee.launcher;

import static dev.marquee.launcher.CustomerPages.PAGE;
import static dev.marquee.launcher.CustomerPages.awaitMapReady;
import static dev.marquee.launcher.CustomerPages.awaitStatusShown;
import static dev.marquee.launcher.CustomerPages.orderShown;
import static dev.marquee.launcher.CustomerPages.seat;
import static dev.marquee.launcher.CustomerPages.signInWithPassword;
import static dev.marquee.launcher.CustomerPages.stateOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Arrays;
import java.util.List;

import dev.marquee.orderapi.account.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The order page's other outcomes in a real headless Chromium: "best available N" held from the map, a rejection
 * said in words, a hold that ran out (EXPIRED) with its seats back on the map.
 */
class OrderPagesBrowserIT extends BrowserTests {

    @Test
    void bestAvailableHoldsThatManySeatsTogetherNearTheMiddleOfARow() throws Exception {
        long screening = Api.newScreening(2);   // 15 rows of 20 seats, nothing taken
        WebDriver browser = Browser.fresh();
        signInWithPassword(browser, DemoAccounts.CUSTOMER, "/pages/screening.html?id=" + screening);
        awaitMapReady(browser);

        new Select(browser.findElement(By.id("any-count"))).selectByVisibleText("3");
        browser.findElement(By.id("order-any")).click();

        awaitStatusShown(browser, "HELD");
        String what = browser.findElement(By.id("what")).getText();   // "Seats F9, F10, F11 · 180.00 CNY"
        assertThat(what).matches("Seats [A-Z][0-9]+, [A-Z][0-9]+, [A-Z][0-9]+ · 180\\.00 CNY");
        List<String> seats = Arrays.asList(what.substring("Seats ".length(), what.indexOf(" ·")).split(", "));
        assertThat(seats).extracting(s -> s.charAt(0)).as("one row").containsOnly(seats.getFirst().charAt(0));
        int[] numbers = seats.stream().mapToInt(s -> Integer.parseInt(s.substring(1))).sorted().toArray();
        assertThat(numbers[2] - numbers[0]).as("side by side: %s", seats).isEqualTo(2);
        assertThat(numbers[1]).as("near the middle of a 20-seat row: %s", seats).isBetween(8, 13);

        browser.get(SharedPipeline.baseUrl() + "/pages/screening.html?id=" + screening);
        awaitMapReady(browser);
        assertThat(seats).allSatisfy(label -> assertThat(stateOf(browser, label)).isEqualTo("HELD"));
    }

    /**
     * An order the allocator refuses shows why in words, with no pay or cancel button. The map would not send half a
     * love seat, so the page's own session sends it as an out-of-date page might; the allocator refuses it.
     */
    @Test
    void aRejectedOrderSaysWhyInWords() throws Exception {
        long screening = Api.newScreening(1);
        WebDriver browser = Browser.fresh();
        signInWithPassword(browser, DemoAccounts.SECOND_CUSTOMER, "/pages/screening.html?id=" + screening);
        awaitMapReady(browser);

        Object placed = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " marquee.json('/api/orders', { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() },"
                + " body: JSON.stringify({ screeningId: " + screening + ", seats: ['H3'] }) })"
                + ".then(order => done(order.id), e => done('refused: ' + e.message))");
        assertThat(placed).asString().doesNotStartWith("refused");
        browser.get(SharedPipeline.baseUrl() + "/pages/order.html?id=" + placed);

        awaitStatusShown(browser, "REJECTED");
        assertThat(browser.findElement(By.id("outcome")).getText())
                .startsWith("A love seat is sold only together with its partner seat.");
        assertThat(browser.findElement(By.id("pay")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("cancel")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("hold")).isDisplayed()).isFalse();
    }

    @Test
    void aHoldThatRunsOutShowsExpiredAndItsSeatsAreFreeAgainOnTheMap() throws Exception {
        long screening = Api.newScreening(1);
        WebDriver browser = Browser.fresh();
        signInWithPassword(browser, DemoAccounts.CUSTOMER, "/pages/screening.html?id=" + screening);
        awaitMapReady(browser);
        seat(browser, "D1").click();
        seat(browser, "D2").click();
        browser.findElement(By.id("order")).click();
        awaitStatusShown(browser, "HELD");
        assertThat(browser.findElement(By.id("pay")).isDisplayed()).isTrue();

        Api.lapse(orderShown(browser));

        awaitStatusShown(browser, "EXPIRED");
        assertThat(browser.findElement(By.id("outcome")).getText())
                .isEqualTo("The hold ran out before it was paid; the seats are back on sale.");
        assertThat(browser.findElement(By.id("pay")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("hold")).isDisplayed()).isFalse();
        browser.get(SharedPipeline.baseUrl() + "/pages/screening.html?id=" + screening);
        awaitMapReady(browser);
        await().atMost(PAGE).until(() -> stateOf(browser, "D1").equals("FREE") && stateOf(browser, "D2").equals("FREE"));
    }
}
