package dev.marquee.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvariantsTest {

    @Test
    void aCleanSellOutHoldsEveryInvariant() {
        assertThat(new Invariants(0, 0, 0, 0, 300, 300, 0, 300, 0, false).ok()).isTrue();
        assertThat(new Invariants(0, 0, 0, 0, 283, 283, 17, 300, 0, false).ok()).isTrue();
    }

    @Test
    void anyViolationFailsTheRun() {
        assertThat(new Invariants(1, 0, 0, 0, 300, 300, 0, 300, 0, false).ok()).as("a seat sold twice").isFalse();
        assertThat(new Invariants(0, 1, 0, 0, 300, 300, 0, 300, 0, false).ok()).as("an order without decision").isFalse();
        assertThat(new Invariants(0, 0, 1, 0, 300, 300, 0, 300, 0, false).ok()).as("an order decided twice").isFalse();
        assertThat(new Invariants(0, 0, 0, 1, 300, 300, 0, 300, 0, false).ok()).as("held and rejected").isFalse();
        Invariants dbDisagrees = new Invariants(0, 0, 0, 0, 299, 300, 0, 300, 0, false);
        assertThat(dbDisagrees.dbClaimsMatchHeld()).isFalse();
        assertThat(dbDisagrees.ok()).isFalse();
        Invariants seatsUnaccounted = new Invariants(0, 0, 0, 0, 290, 290, 5, 300, 0, false);
        assertThat(seatsUnaccounted.heldPlusFreeIsCapacity()).isFalse();
        assertThat(seatsUnaccounted.ok()).isFalse();
    }

    /** An attempt without an answer was never checked: the sale cannot vouch for it (it used to pass). */
    @Test
    void attemptsThatErroredOrARunThatTimedOutFailTheRun() {
        assertThat(new Invariants(0, 0, 0, 0, 300, 300, 0, 300, 3, false).ok()).as("3 attempts errored").isFalse();
        assertThat(new Invariants(0, 0, 0, 0, 120, 120, 180, 300, 0, true).ok()).as("timed out").isFalse();
    }
}
