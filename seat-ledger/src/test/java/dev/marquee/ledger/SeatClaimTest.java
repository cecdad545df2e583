package dev.marquee.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SeatClaimTest {

    static final Instant DEADLINE = Instant.parse("2026-11-21T20:00:00Z");
    static final Instant EXTENSION_ENDS = DEADLINE.plusSeconds(300);

    @Test
    void aHoldCountsUntilItsDeadline() {
        SeatClaim hold = new SeatClaim(7, "A1", "o", "c", DEADLINE, 1);

        assertThat(hold.isLiveAt(DEADLINE.minusMillis(1))).isTrue();
        assertThat(hold.isLiveAt(DEADLINE)).isFalse();
        assertThat(hold.liveUntil()).isEqualTo(DEADLINE);
    }

    @Test
    void aHoldWithItsPaymentInFlightCountsUntilItsExtensionEnds() {
        SeatClaim paying = new SeatClaim(7, "A1", "o", "c", DEADLINE, 1, EXTENSION_ENDS);

        assertThat(paying.isLiveAt(DEADLINE.plusSeconds(1))).isTrue();
        assertThat(paying.isLiveAt(EXTENSION_ENDS)).isFalse();
        assertThat(paying.liveUntil()).isEqualTo(EXTENSION_ENDS);
    }

    @Test
    void aTicketIsAlwaysLive() {
        SeatClaim ticket = new SeatClaim(7, "A1", "o", "c", null, 1, EXTENSION_ENDS);

        assertThat(ticket.isLiveAt(EXTENSION_ENDS.plusSeconds(86_400))).isTrue();
        assertThat(ticket.isSold()).isTrue();
    }
}
