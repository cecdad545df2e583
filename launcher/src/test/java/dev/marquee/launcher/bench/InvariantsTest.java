package dev.marquee.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvariantsTest {

    @Test
    void aCleanSellOutHoldsEveryInvariant() {
        assertThat(new Invariants(0, 0, 0, 0, 300, 300, 0, 300).ok()).isTrue();
        assertThat(new Invariants(0, 0, 0, 0, 283, 283, 17, 300).ok()).isTrue();
    }

    @Test
    void anyViolationFailsTheRun() {
        assertThat(new Invariants(1, 0, 0, 0, 300, 300, 0, 300).ok()).as("a seat sold twice").isFalse();
        assertThat(new Invariants(0, 1, 0, 0, 300, 300, 0, 300).ok()).as("an order without decision").isFalse();
        assertThat(new Invariants(0, 0, 1, 0, 300, 300, 0, 300).ok()).as("an order decided twice").isFalse();
        assertThat(new Invariants(0, 0, 0, 1, 300, 300, 0, 300).ok()).as("held and rejected").isFalse();
        Invariants dbDisagrees = new Invariants(0, 0, 0, 0, 299, 300, 0, 300);
        assertThat(dbDisagrees.dbClaimsMatchHeld()).isFalse();
        assertThat(dbDisagrees.ok()).isFalse();
        Invariants seatsUnaccounted = new Invariants(0, 0, 0, 0, 290, 290, 5, 300);
        assertThat(seatsUnaccounted.heldPlusFreeIsCapacity()).isFalse();
        assertThat(seatsUnaccounted.ok()).isFalse();
    }
}
