package dev.marquee.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser test class shares: the pipeline started once Chromium is there (else each test is skipped, with
 * the reason, before it starts), and the browser quit after the class.
 */
abstract class BrowserTests {

    @BeforeAll
    static void pipeline() {
        if (Browser.available()) {
            SharedPipeline.get();
        }
    }

    @BeforeEach
    void browser() {
        Browser.assumeAvailable();
    }

    @AfterAll
    static void closeBrowser() {
        Browser.quit();
    }
}
