package dev.marquee.boxoffice.messaging;

import dev.marquee.boxoffice.SaleEvent;
import dev.marquee.events.OrderPaid;
import dev.marquee.events.RefundCompleted;
import dev.marquee.events.TicketsIssued;

/** Maps the decoded events of order-events and seat-events to the sale events the box office folds. */
public final class SaleEvents {

    private SaleEvents() {
    }

    /** The sale event an event is, or null if it moves no figure (holds, expiries, refund requests, ...). */
    public static SaleEvent of(Object event) {
        return switch (event) {
            case OrderPaid e -> new SaleEvent.Paid(e.getEventId(), e.getOrderId(), e.getTradeNo(), e.getOccurredAt(),
                    e.getAmountMinor(), e.getCurrency(), e.getMovieId(), e.getCinemaId());
            case TicketsIssued e -> new SaleEvent.Ticketed(e.getEventId(), e.getOrderId(), e.getSeats().size());
            case RefundCompleted e -> new SaleEvent.Refunded(e.getEventId(), e.getOrderId(), e.getTradeNo(),
                    e.getAmountMinor(), e.getCurrency());
            case null, default -> null;
        };
    }
}
