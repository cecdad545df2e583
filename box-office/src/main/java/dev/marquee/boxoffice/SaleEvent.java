package dev.marquee.boxoffice;

import java.time.Instant;
import java.util.Objects;

/**
 * The facts of the order and seat events that move the box-office figures, in the projection's own terms. Every
 * other event (holds, releases, expiries, cancellations, refund requests, failed payments) moves nothing.
 */
public sealed interface SaleEvent {

    String eventId();

    String orderId();

    /** The order's payment was confirmed (OrderPaid): the sale counts, on the day it was paid. */
    record Paid(String eventId, String orderId, String tradeNo, Instant paidAt, long amountMinor, String currency,
                long movieId, long cinemaId) implements SaleEvent {
        public Paid {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(tradeNo, "tradeNo");
            Objects.requireNonNull(paidAt, "paidAt");
            Objects.requireNonNull(currency, "currency");
        }
    }

    /** The paid seats were sold (TicketsIssued). */
    record Ticketed(String eventId, String orderId, int tickets) implements SaleEvent {
        public Ticketed {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** Money of the order's payment {@code tradeNo} went back to the customer (RefundCompleted). */
    record Refunded(String eventId, String orderId, String tradeNo, long amountMinor, String currency)
            implements SaleEvent {
        public Refunded {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(tradeNo, "tradeNo");
            Objects.requireNonNull(currency, "currency");
        }
    }
}
