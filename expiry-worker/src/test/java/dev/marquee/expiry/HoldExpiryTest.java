package dev.marquee.expiry;

import static dev.marquee.expiry.LapsedHold.DEADLINE;
import static dev.marquee.expiry.LapsedHold.EXTENSION;
import static dev.marquee.expiry.LapsedHold.NOW;
import static dev.marquee.expiry.LapsedHold.ORDER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.marquee.ledger.ClosedBy;
import dev.marquee.ledger.SeatClaim;
import org.junit.jupiter.api.Test;

class HoldExpiryTest {

    @Test
    void anUnpaidHoldReleasesItsSeatsAndTheOrderExpires() {
        Verdict verdict = LapsedHold.of("A1=lapsed", "A2=lapsed").decide();

        Verdict.Release release = (Verdict.Release) verdict;
        assertThat(release.lapsed()).extracting(SeatClaim::seatLabel).containsExactly("A1", "A2");
        assertThat(release.closing(List.of("A1", "A2")).by()).isEqualTo(ClosedBy.EXPIRED);
        assertThat(release.events(List.of("A1", "A2"), 41, NOW)).satisfiesExactly(
                released -> assertThat(released).isEqualTo(new ExpiryEvent.SeatsReleased(released.eventId(), NOW,
                        ORDER_ID, LapsedHold.SCREENING, LapsedHold.HALL, List.of("A1", "A2"), 41)),
                expired -> assertThat(expired).isInstanceOf(ExpiryEvent.OrderExpired.class));
    }

    @Test
    void seatsTakenOverByOtherOrdersAreNotReleasedWithTheHold() {
        Verdict verdict = LapsedHold.of("A1=lapsed", "A2=other", "A3=other-ticket", "A4=free").decide();

        assertThat(((Verdict.Release) verdict).lapsed()).extracting(SeatClaim::seatLabel, SeatClaim::orderId)
                .containsExactly(tuple("A1", ORDER_ID));
    }

    @Test
    void aHoldWhoseSeatsAllWentElsewhereStillExpiresTheOrderButReleasesNothing() {
        Verdict.Release release = (Verdict.Release) LapsedHold.of("A1=other", "A2=free").decide();

        assertThat(release.lapsed()).isEmpty();
        assertThat(release.events(List.of(), 41, NOW)).singleElement()
                .isInstanceOf(ExpiryEvent.OrderExpired.class);
    }

    @Test
    void aSoldSeatClosesTheHoldAsPaidWithoutEvents() {
        assertThat(LapsedHold.of("A1=ticket", "A2=ticket").decide()).isInstanceOf(Verdict.Paid.class);
        assertThat(LapsedHold.of("A1=ticket", "A2=lapsed").paymentPending().decide())
                .isInstanceOfSatisfying(Verdict.Paid.class,
                        paid -> assertThat(paid.closing().by()).isEqualTo(ClosedBy.PAID));
    }

    @Test
    void anotherOrdersTicketIsNoPaymentOfThisOne() {
        assertThat(LapsedHold.of("A1=other-ticket", "A2=lapsed").decide()).isInstanceOf(Verdict.Release.class);
    }

    @Test
    void aHoldWhosePaymentIsInFlightIsExtendedFromNow() {
        Verdict verdict = LapsedHold.of("A1=lapsed", "A2=lapsed").paymentPending().decide();

        Verdict.Extend extend = (Verdict.Extend) verdict;
        assertThat(extend.seats()).containsExactly("A1", "A2");
        assertThat(extend.deadline()).isEqualTo(NOW.plus(EXTENSION));
        ExpiryEvent.HoldExtended event = extend.event(41, NOW);
        assertThat(event.previousDeadline()).isEqualTo(DEADLINE);
        assertThat(event.holdDeadline()).isEqualTo(NOW.plus(EXTENSION));
        assertThat(event.fencingToken()).isEqualTo(41);
    }

    @Test
    void anExtensionCountsFromTheDeadlineWhenThatIsLater() {
        Verdict verdict = LapsedHold.of("A1=lapsed").deadline(NOW.plusSeconds(3)).paymentPending().decide();

        assertThat(((Verdict.Extend) verdict).deadline()).isEqualTo(NOW.plusSeconds(3).plus(EXTENSION));
    }

    /**
     * The ledger's payment mark fixed the end of the extension when the customer said they paid: the allocator and
     * payment-listener count the hold live until then, so the worker extends it to exactly that, however late it
     * sweeps.
     */
    @Test
    void aHoldMarkedWithItsPaymentInFlightIsExtendedToTheEndTheMarkFixed() {
        Verdict verdict = LapsedHold.of("A1=lapsed", "A2=lapsed").paymentInFlight().decide();

        assertThat(((Verdict.Extend) verdict).deadline()).isEqualTo(DEADLINE.plus(EXTENSION));
    }

    @Test
    void aMarkedHoldWhoseExtensionPassedTooIsReleased() {
        Verdict verdict = LapsedHold.of("A1=lapsed").deadline(NOW.minus(EXTENSION).minusSeconds(1)).paymentInFlight()
                .decide();

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Release.class,
                release -> assertThat(release.lapsed()).extracting(SeatClaim::seatLabel).containsExactly("A1"));
    }

    @Test
    void aHoldIsExtendedOnceOnlyThenReleased() {
        LapsedHold extendedOnce = LapsedHold.of("A1=lapsed").paymentPending().extendedBefore();

        assertThat(extendedOnce.decide()).isInstanceOfSatisfying(Verdict.Release.class,
                release -> assertThat(release.lapsed()).extracting(SeatClaim::seatLabel).containsExactly("A1"));
    }

    @Test
    void aHoldThatLostSeatsIsNotExtended() {
        assertThat(LapsedHold.of("A1=lapsed", "A2=other").paymentPending().decide())
                .isInstanceOfSatisfying(Verdict.Release.class, release -> assertThat(release.lapsed())
                        .extracting(SeatClaim::seatLabel).containsExactly("A1"));
        assertThat(LapsedHold.of("A1=lapsed", "A2=free").paymentPending().decide())
                .isInstanceOf(Verdict.Release.class);
    }

    @Test
    void claimsOfTheOrderOnOtherSeatsOrScreeningsAreNotThisHolds() {
        LapsedHold hold = LapsedHold.of("A1=lapsed");
        List<SeatClaim> claims = List.of(
                new SeatClaim(LapsedHold.SCREENING, "A1", ORDER_ID, "alice", DEADLINE, 40),
                new SeatClaim(LapsedHold.SCREENING, "Z9", ORDER_ID, "alice", null, 40),
                new SeatClaim(LapsedHold.SCREENING + 1, "A1", ORDER_ID, "alice", null, 40));

        Verdict verdict = new HoldExpiry(EXTENSION).decide(hold.hold(), claims, false, NOW);

        assertThat(((Verdict.Release) verdict).lapsed()).extracting(SeatClaim::seatLabel).containsExactly("A1");
    }

    @Test
    void eventIdsFollowFromTheOrderAndTheType() {
        Verdict.Release release = (Verdict.Release) LapsedHold.of("A1=lapsed").decide();
        List<ExpiryEvent> first = release.events(List.of("A1"), 41, NOW);
        List<ExpiryEvent> again = release.events(List.of("A1"), 42, NOW.plusSeconds(5));

        assertThat(first).extracting(ExpiryEvent::eventId)
                .containsExactlyElementsOf(again.stream().map(ExpiryEvent::eventId).toList())
                .doesNotHaveDuplicates();
        assertThat(first.getLast().eventId())
                .isEqualTo(UUID.nameUUIDFromBytes(("OrderExpired:" + ORDER_ID).getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void theExtensionMustBePositive() {
        assertThatThrownBy(() -> new HoldExpiry(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
