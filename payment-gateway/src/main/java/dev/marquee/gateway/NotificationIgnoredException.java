package dev.marquee.gateway;

/**
 * An authentic notification (its signature verified) about something that is not a payment outcome we act on, e.g. a
 * Stripe {@code charge.succeeded} sent to the same webhook endpoint. The endpoint acknowledges it (Stripe retries
 * any non-2xx answer for days and disables endpoints that keep failing) and does nothing else.
 */
public class NotificationIgnoredException extends RuntimeException {

    private final String gateway;
    private final String eventType;

    NotificationIgnoredException(String gateway, String eventType, String eventId) {
        super(gateway + " event " + eventId + " of type " + eventType + " is not a payment outcome we handle");
        this.gateway = gateway;
        this.eventType = eventType;
    }

    public String gateway() {
        return gateway;
    }

    /** The gateway's type of the event, e.g. {@code charge.succeeded}; fit for a metric tag. */
    public String eventType() {
        return eventType;
    }
}
