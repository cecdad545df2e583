package dev.marquee.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The allocator's recorded answer to one order request: its seats held until a deadline, or a rejection.
 * <p>
 * A rejection is bounded to what the {@code allocation} row keeps ({@value #REASON_LENGTH} characters of reason,
 * {@value #DETAIL_LENGTH} of detail, {@value #SEATS_LENGTH} of comma-separated seats), so that recording it cannot
 * fail on its length: a longer detail is cut and ends with "…", a longer seat list keeps the seats that fit. The
 * allocator bounds its details itself, more readably; this is the last guard.
 *
 * @param closedBy     how the hold ended, once it did (null while open)
 * @param paymentUntil while a payment is in flight: until when the hold stays live (deadline plus its one extension)
 */
public record Allocation(String orderId, long screeningId, long hallId, Outcome outcome, List<String> seats,
                         Instant holdUntil, String reason, String detail, Long fencingToken, Instant decidedAt,
                         ClosedBy closedBy, Instant paymentUntil) {

    public static final int REASON_LENGTH = 40;
    public static final int DETAIL_LENGTH = 255;
    public static final int SEATS_LENGTH = 400;

    public enum Outcome { HELD, REJECTED }

    public Allocation {
        seats = outcome == Outcome.REJECTED ? fitting(seats) : List.copyOf(seats);
        reason = cut(reason, REASON_LENGTH);
        detail = cut(detail, DETAIL_LENGTH);
    }

    /**
     * Until when money for the hold is on time: its deadline (the extended one, if extended), or the end of the
     * extension its payment in flight has; null for a rejection.
     */
    public Instant payableUntil() {
        if (holdUntil == null) {
            return null;
        }
        return paymentUntil != null && paymentUntil.isAfter(holdUntil) ? paymentUntil : holdUntil;
    }

    public boolean wasCancelled() {
        return closedBy == ClosedBy.CANCELLED;
    }

    public static Allocation held(String orderId, long screeningId, long hallId, List<String> seats,
                                  Instant holdUntil, long fencingToken, Instant decidedAt) {
        return new Allocation(orderId, screeningId, hallId, Outcome.HELD, seats, holdUntil, null, null,
                fencingToken, decidedAt, null, null);
    }

    public static Allocation rejected(String orderId, long screeningId, long hallId, List<String> seats,
                                      String reason, String detail, Instant decidedAt) {
        return new Allocation(orderId, screeningId, hallId, Outcome.REJECTED, seats, null, reason, detail, null,
                decidedAt, null, null);
    }

    /** {@code text} if it has at most {@code length} characters, else its beginning and "…" in that many. */
    public static String cut(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = length - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** The first seats whose comma-separated labels fit the column. */
    private static List<String> fitting(List<String> seats) {
        List<String> kept = new ArrayList<>(seats.size());
        int length = -1;
        for (String seat : seats) {
            length += seat.length() + 1;
            if (length > SEATS_LENGTH) {
                break;
            }
            kept.add(seat);
        }
        return List.copyOf(kept);
    }
}
