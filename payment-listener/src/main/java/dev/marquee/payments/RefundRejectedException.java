package dev.marquee.payments;

/** The gateway refused a refund for good (or no gateway of that name is configured): an operator must look. */
public class RefundRejectedException extends RuntimeException {

    public RefundRejectedException(String message) {
        super(message);
    }
}
