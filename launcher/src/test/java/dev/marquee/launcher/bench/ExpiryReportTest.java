package dev.marquee.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The expiry bench's checks count the events the tap read, one by one. */
class ExpiryReportTest {

    private static final ExpiryPlan PLAN = new ExpiryPlan(2, 0.5, Duration.ofSeconds(10), Duration.ofSeconds(1), 1,
            Duration.ofSeconds(60), 42);
    private static final Instant DEADLINE = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void oneExpiryPerUnpaidOrderAndNoneForThePaidOneIsOk() {
        ExpiryReport report = report(new ExpiryEvents(Map.of("u", 1L), Map.of("u", 1L)));

        assertThat(report.expiredTwice()).isZero();
        assertThat(report.notReleased()).isZero();
        assertThat(report.ok()).isTrue();
    }

    /** Both events carry the id derived from the order: a set of ids would hold one and call it fine. */
    @Test
    void twoOrderExpiredEventsForOneOrderAreAnExpiryTwice() {
        ExpiryReport report = report(new ExpiryEvents(Map.of("u", 2L), Map.of("u", 1L)));

        assertThat(report.expiredTwice()).isEqualTo(1);
        assertThat(report.ok()).isFalse();
    }

    @Test
    void twoExpiryReleasesOfOneOrderAreAnExpiryTwice() {
        ExpiryReport report = report(new ExpiryEvents(Map.of("u", 1L), Map.of("u", 2L)));

        assertThat(report.expiredTwice()).isEqualTo(1);
        assertThat(report.ok()).isFalse();
    }

    @Test
    void anUnpaidOrderWithoutOrderExpiredIsNotDone() {
        ExpiryReport report = report(new ExpiryEvents(Map.of(), Map.of("u", 1L)));

        assertThat(report.notReleased()).isEqualTo(1);
        assertThat(report.ok()).isFalse();
    }

    @Test
    void aPaidOrderWhoseSeatsWereReleasedAsExpiredFails() {
        ExpiryReport report = report(new ExpiryEvents(Map.of("u", 1L), Map.of("u", 1L, "p", 1L)));

        assertThat(report.paidButExpired()).isEqualTo(1);
        assertThat(report.ok()).isFalse();
    }

    private static ExpiryReport report(ExpiryEvents events) {
        return new ExpiryReport(PLAN, Set.of("u"), List.of("p"), Map.of("u", DEADLINE, "p", DEADLINE),
                Map.of("u", DEADLINE.plusMillis(400)), events, Map.of("u", "EXPIRED", "p", "PAID"), 0);
    }
}
