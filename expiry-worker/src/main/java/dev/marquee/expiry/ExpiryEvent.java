package dev.marquee.expiry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the expiry worker tells the pipeline, as facts recorded with the hold's change. Ids are derived from the
 * order and the event's type (a hold is released once and extended at most once), so an event sent again after
 * a crash is the same event and consumers drop the repeat.
 */
public sealed interface ExpiryEvent {

    String eventId();

    String orderId();

    Instant occurredAt();

    /** The seats of an unpaid hold given back when its deadline passed (only the seats still the order's). */
    record SeatsReleased(String eventId, Instant occurredAt, String orderId, long screeningId, long hallId,
                         List<String> seats, long fencingToken) implements ExpiryEvent {

        public static final String CAUSE = "EXPIRED";

        public SeatsReleased {
            seats = List.copyOf(seats);
        }

        SeatsReleased(Instant occurredAt, String orderId, long screeningId, long hallId, List<String> seats,
                      long fencingToken) {
            this(id("SeatsReleased", orderId), occurredAt, orderId, screeningId, hallId, seats, fencingToken);
        }
    }

    /** The order was not paid before its hold's deadline. */
    record OrderExpired(String eventId, Instant occurredAt, String orderId) implements ExpiryEvent {

        OrderExpired(Instant occurredAt, String orderId) {
            this(id("OrderExpired", orderId), occurredAt, orderId);
        }
    }

    /** A lapsed hold whose payment is in flight got its one extension. */
    record HoldExtended(String eventId, Instant occurredAt, String orderId, long screeningId, long hallId,
                        List<String> seats, Instant previousDeadline, Instant holdDeadline, long fencingToken)
            implements ExpiryEvent {

        public static final String REASON = "PAYMENT_PENDING";

        public HoldExtended {
            seats = List.copyOf(seats);
        }

        HoldExtended(Instant occurredAt, String orderId, long screeningId, long hallId, List<String> seats,
                     Instant previousDeadline, Instant holdDeadline, long fencingToken) {
            this(id("HoldExtended", orderId), occurredAt, orderId, screeningId, hallId, seats, previousDeadline,
                    holdDeadline, fencingToken);
        }
    }

    private static String id(String type, String orderId) {
        return UUID.nameUUIDFromBytes((type + ":" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
