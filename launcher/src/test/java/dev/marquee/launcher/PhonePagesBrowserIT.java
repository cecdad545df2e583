package dev.marquee.launcher;

import static dev.marquee.launcher.CustomerPages.PAGE;
import static dev.marquee.launcher.CustomerPages.awaitMapReady;
import static dev.marquee.launcher.CustomerPages.awaitStatusShown;
import static dev.marquee.launcher.CustomerPages.placeAsAnotherCustomer;
import static dev.marquee.launcher.CustomerPages.seat;
import static dev.marquee.launcher.CustomerPages.seatBoxes;
import static dev.marquee.launcher.CustomerPages.signInWithPassword;
import static dev.marquee.launcher.CustomerPages.stateOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import dev.marquee.orderapi.account.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The customer pages on a phone-sized screen (390 × 844 CSS pixels, a phone's device metrics in Chromium): the
 * 300-seat hall's map fits the width with every seat on screen, nothing scrolls sideways, a hold appearing moves no
 * seat, and a customer taps two seats, holds them, cancels and sees them on sale again.
 */
class PhonePagesBrowserIT extends BrowserTests {

    private static final int WIDTH = 390;

    @Test
    void onAPhoneACustomerTapsTwoSeatsHoldsThemAndCancels() throws Exception {
        long screening = Api.newScreening(2);   // 15 rows of 20 seats: the widest hall of the demo
        ChromeDriver browser = (ChromeDriver) Browser.fresh();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            signInWithPassword(browser, DemoAccounts.SECOND_CUSTOMER, "/pages/screening.html?id=" + screening);
            awaitMapReady(browser);
            assertFitsThePhone(browser, "the seat map");
            List<?> seats = (List<?>) browser.executeScript("const b = [...document.querySelectorAll('.seat')]"
                    + ".map(s => s.getBoundingClientRect()); return [Math.min(...b.map(r => r.left)),"
                    + " Math.max(...b.map(r => r.right)), Math.min(...b.map(r => r.width)), b.length]");
            assertThat(((Number) seats.get(0)).doubleValue()).as("leftmost seat's left").isGreaterThanOrEqualTo(0);
            assertThat(((Number) seats.get(1)).doubleValue()).as("rightmost seat's right").isLessThanOrEqualTo(WIDTH);
            assertThat(((Number) seats.get(2)).doubleValue()).as("narrowest seat, px").isGreaterThanOrEqualTo(15);
            assertThat(((Number) seats.get(3)).intValue()).isEqualTo(300);

            String boxes = seatBoxes(browser);
            String other = placeAsAnotherCustomer(screening, "J10", "J11");
            Api.awaitStatus(other, "HELD");
            await().atMost(PAGE).until(() -> stateOf(browser, "J10").equals("HELD") && stateOf(browser, "J11").equals("HELD"));
            assertThat(seatBoxes(browser)).as("no seat moved when the map changed").isEqualTo(boxes);
            Browser.screenshot("seat-map-phone.png");

            seat(browser, "E9").click();
            seat(browser, "E10").click();
            assertThat(browser.findElement(By.id("chosen")).getText()).isEqualTo("E9, E10");
            browser.findElement(By.id("order")).click();
            awaitStatusShown(browser, "HELD");
            assertFitsThePhone(browser, "the order page");

            browser.findElement(By.id("cancel")).click();
            awaitStatusShown(browser, "CANCELLED");
            assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("Cancelled: the seats are back on sale.");
            assertThat(browser.findElement(By.id("cancel")).isDisplayed()).isFalse();

            browser.findElement(By.linkText("My orders")).click();
            await().atMost(PAGE).ignoreExceptions().until(() -> browser.findElement(By.cssSelector("#orders .status"))
                    .getText().equals("CANCELLED"));
            assertFitsThePhone(browser, "my orders");

            browser.get(SharedPipeline.baseUrl() + "/pages/screening.html?id=" + screening);
            awaitMapReady(browser);
            await().atMost(PAGE).until(() -> stateOf(browser, "E9").equals("FREE") && stateOf(browser, "E10").equals("FREE"));
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** The page is laid out for the phone's width and nothing on it is wider (no sideways scrolling). */
    private static void assertFitsThePhone(ChromeDriver browser, String page) {
        List<?> widths = (List<?>) browser.executeScript(
                "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]");
        assertThat(((Number) widths.get(0)).intValue()).as("%s: layout width", page).isEqualTo(WIDTH);
        assertThat(((Number) widths.get(1)).intValue()).as("%s: content width", page).isLessThanOrEqualTo(WIDTH);
    }
}
