package dev.marquee.payments.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from what caused the event, so an event sent again after a crash or a redelivery is the same
 * event and consumers drop the repeat.
 */
final class EventIds {

    private EventIds() {
    }

    /** The id of the event of {@code type} that a gateway trade caused (one of each type per trade). */
    static String ofTrade(String type, String gateway, String tradeNo) {
        return of(type + ":" + gateway + ":" + tradeNo);
    }

    /** The id of the RefundCompleted answering a refund. */
    static String ofRefundCompleted(String refundId) {
        return of("RefundCompleted:" + refundId);
    }

    private static String of(String cause) {
        return UUID.nameUUIDFromBytes(cause.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
