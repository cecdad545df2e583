package dev.marquee.orderapi.payment;

/** Kafka did not acknowledge a gateway notification in time: the gateway is told to try again. */
public final class CallbacksUnavailableException extends RuntimeException {

    public CallbacksUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
