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
 * <p>
 * The hall's lock is one the allocator, payment-listener and the expiry worker wait for, so it is taken, held and
 * released at normal priority even from a request thread that runs lower ({@link AcceptedWork}): a holder the OS
 * deprioritises would hold them all up (a priority inversion). A hall that stays locked ({@code HallBusyException})
 * or Redis away (Redisson's exceptions) fails the cancellation without any write; the edge answers 503 to retry.
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
        if (order.wasCancelled()) {
            return order;
        }
        order.requireCancellable(clock.instant());
        return AcceptedWork.atNormalPriority(() -> lock.runLocked(order.hallId(),
                token -> transaction.execute(status -> cancelLocked(orderId, token))));
    }

    private Order cancelLocked(String orderId, FencingToken token) {
        fence.admit(token);
        Order order = orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        if (order.wasCancelled()) {
            return order;
        }
        Instant now = clock.instant();
        order.requireCancellable(now);
        List<String> released;
        try {
            released = ledger.cancelHold(orderId, now);
        } catch (HoldNotCancellableException e) {
            throw new OrderNotCancellableException(orderId, order.status(), e.getMessage());
        }
        order.cancel(now);
        orders.save(order);
        events.cancelled(order, released, token.value());
        return order;
    }
}
