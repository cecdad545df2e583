package dev.marquee.payments;

/**
 * The gateway did not confirm a refund (it answered 5xx, 408 or 429, or could not be reached): not known to be
 * done, asked again later with the same refund id, which the gateway refunds once. A transient failure.
 */
public class RefundNotDoneException extends RuntimeException {

    public RefundNotDoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
