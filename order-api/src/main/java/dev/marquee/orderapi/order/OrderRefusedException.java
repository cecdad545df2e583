package dev.marquee.orderapi.order;

import java.util.List;
import java.util.Map;

/**
 * An order that cannot be accepted at all, decided before anything is written. It is an expected answer (a flash
 * crowd causes thousands a second), so it carries no stack trace. {@code code} is stable and
 * documented; clients branch on it, never on the message.
 */
public final class OrderRefusedException extends RuntimeException {

    private final String code;
    private final boolean conflict;
    private final Map<String, Object> details;

    private OrderRefusedException(String code, String message, Map<String, Object> details) {
        this(code, false, message, details);
    }

    private OrderRefusedException(String code, boolean conflict, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.conflict = conflict;
        this.details = Map.copyOf(details);
    }

    static OrderRefusedException seatsTaken(long screeningId, List<String> labels) {
        return new OrderRefusedException("seats-taken", true, "Seats " + String.join(", ", labels)
                + " of screening " + screeningId + " are held or sold.", Map.of("seats", labels));
    }

    static OrderRefusedException soldOut(long screeningId, int asked, int free) {
        return new OrderRefusedException("sold-out", true, "Screening " + screeningId + " has " + free
                + " free seats; " + asked + " were asked for.", Map.of("free", free, "requested", asked));
    }

    /** Whether the refusal is about the seats' current state (they may be free again later), not the request. */
    public boolean conflict() {
        return conflict;
    }

    static OrderRefusedException unknownScreening(long screeningId) {
        return new OrderRefusedException("unknown-screening", "No screening with id " + screeningId + ".",
                Map.of("screeningId", screeningId));
    }

    static OrderRefusedException screeningClosed(long screeningId) {
        return new OrderRefusedException("screening-closed", "Screening " + screeningId
                + " has started or closed; its seats are no longer sold.", Map.of("screeningId", screeningId));
    }

    static OrderRefusedException unknownSeats(long screeningId, List<String> labels) {
        return new OrderRefusedException("unknown-seat", "Screening " + screeningId
                + " has no sellable seat " + String.join(", ", labels) + ".", Map.of("seats", labels));
    }

    static OrderRefusedException tooManySeats(int asked, int max) {
        return new OrderRefusedException("too-many-seats", "An order may take at most " + max + " seats; "
                + asked + " were asked for.", Map.of("maxSeats", max, "requested", asked));
    }

    static OrderRefusedException duplicateSeats(List<String> labels) {
        return new OrderRefusedException("duplicate-seat", "Seats were listed twice: " + String.join(", ", labels)
                + ".", Map.of("seats", labels));
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
