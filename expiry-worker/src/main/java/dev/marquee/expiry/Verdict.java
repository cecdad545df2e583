package dev.marquee.expiry;

import java.time.Instant;
import java.util.List;

import dev.marquee.ledger.ClosedBy;
import dev.marquee.ledger.HoldClosing;
import dev.marquee.ledger.OpenHold;
import dev.marquee.ledger.SeatClaim;

/** What {@link HoldExpiry} makes of an open hold whose deadline passed. */
public sealed interface Verdict {

    OpenHold hold();

    /** The order's seats were sold: the hold is closed as PAID, and nobody needs telling. */
    record Paid(OpenHold hold) implements Verdict {

        HoldClosing closing() {
            return new HoldClosing(hold.orderId(), ClosedBy.PAID, List.of());
        }
    }

    /** A payment is in flight: the hold gets its one extension, to {@code deadline}, on these seats. */
    record Extend(OpenHold hold, List<String> seats, Instant deadline) implements Verdict {

        public Extend {
            seats = List.copyOf(seats);
        }

        ExpiryEvent.HoldExtended event(long fencingToken, Instant now) {
            return new ExpiryEvent.HoldExtended(now, hold.orderId(), hold.screeningId(), hold.hallId(), seats,
                    hold.holdUntil(), deadline, fencingToken);
        }
    }

    /**
     * The hold ends unpaid: these lapsed holds of the order's own are deleted (seats another order took over are
     * not the order's to give back), the hold is closed as EXPIRED.
     */
    record Release(OpenHold hold, List<SeatClaim> lapsed) implements Verdict {

        public Release {
            lapsed = List.copyOf(lapsed);
        }

        /**
         * @param released the seats the ledger actually gave back, in the order's seat order
         * @return OrderExpired always, and SeatsReleased first if any seat was given back
         */
        List<ExpiryEvent> events(List<String> released, long fencingToken, Instant now) {
            ExpiryEvent expired = new ExpiryEvent.OrderExpired(now, hold.orderId());
            return released.isEmpty() ? List.of(expired) : List.of(new ExpiryEvent.SeatsReleased(now, hold.orderId(),
                    hold.screeningId(), hold.hallId(), released, fencingToken), expired);
        }

        HoldClosing closing(List<String> released) {
            return new HoldClosing(hold.orderId(), ClosedBy.EXPIRED, released);
        }
    }
}
