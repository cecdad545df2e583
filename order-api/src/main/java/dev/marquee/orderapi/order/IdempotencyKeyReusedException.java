package dev.marquee.orderapi.order;

/** The same Idempotency-Key came with a different request than the one it first named. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    private final String orderId;

    IdempotencyKeyReusedException(String key, String orderId) {
        super("Idempotency-Key '" + key + "' was already used for a different request (order " + orderId + ").");
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }
}
