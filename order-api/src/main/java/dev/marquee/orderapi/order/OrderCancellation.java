package dev.marquee.orderapi.order;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.marquee.ledger.FencingToken;
import dev.marquee.ledger.HallFence;
import dev.marquee.ledger.HallLock;
import dev.marquee.ledger.HoldNotCancellableException;
import dev.marquee.ledger.SeatLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer gives held seats back. The seats are released at once, like every seat write: under the hall's lock,
 * in one transaction that admits the fencing token first, together with the order's change and its events
 * (through the outbox). Cancelling again answers the cancelled order.
 */
@Service
public class OrderCancellation {

    private final Orders orders;
    private final HallLock lock;
    private final HallFence fence;
    private final SeatLedger ledger;
    private final OrderCancellations events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OrderCancellation(Orders orders, HallLock lock, HallFence fence, SeatLedger ledger, OrderCancellations events,
                      TransactionTemplate transaction, Clock clock) {
        this.orders = orders;
        this.lock = lock;
        this.fence = fence;
        this.ledger = ledger;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Order cancel(String orderId) {
        Order order = orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        if (order.status() == OrderStatus.CANCELLED) {
            return order;
        }
        requireCancellable(order, clock.instant());
        return lock.runLocked(order.hallId(), token -> transaction.execute(status -> cancelLocked(orderId, token)));
    }

    private Order cancelLocked(String orderId, FencingToken token) {
        fence.admit(token);
        Order order = orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        if (order.status() == OrderStatus.CANCELLED) {
            return order;
        }
        Instant now = clock.instant();
        requireCancellable(order, now);
        List<String> released;
        try {
            released = ledger.cancelHold(orderId, now);
        } catch (HoldNotCancellableException e) {
            throw new OrderNotCancellableException(orderId, order.status(), e.getMessage());
        }
        order.cancel(now);
        events.cancelled(order, released, token.value());
        return order;
    }

    private static void requireCancellable(Order order, Instant now) {
        if (order.status() == OrderStatus.PAYMENT_PENDING) {
            throw new OrderNotCancellableException(order.id(), order.status(), "a payment is in flight");
        }
        if (order.status() != OrderStatus.HELD) {
            throw new OrderNotCancellableException(order.id(), order.status(), "it is " + order.status()
                    + "; only held orders are cancelled");
        }
        if (!order.holdDeadline().isAfter(now)) {
            throw new OrderNotCancellableException(order.id(), order.status(), "its hold lapsed at "
                    + order.holdDeadline() + " and is being released");
        }
    }
}
