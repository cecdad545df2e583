package dev.marquee.orderapi.payment;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dev.marquee.orderapi.order.Order;
import dev.marquee.orderapi.order.Orders;
import dev.marquee.orderapi.order.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies payment-listener's verdicts to orders and their payments, each event exactly once. The order follows
 * DESIGN §2; the payment row says which money did what, so that every late, duplicate or flagged payment is
 * visible on the order.
 */
@Service
public class PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

    private final Orders orders;
    private final Payments payments;
    private final ProcessedEvents processed;
    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentOutcomes(Orders orders, Payments payments, ProcessedEvents processed, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.processed = processed;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void paid(String eventId, String orderId, String paymentId, String tradeNo, boolean retaken) {
        apply(eventId, orderId, paymentId, (order, now) -> order.paid(now), p -> p.paid(tradeNo, retaken, clock.instant()));
    }

    @Transactional
    public void failed(String eventId, String orderId, String paymentId, String tradeNo, String reason, boolean flagged) {
        apply(eventId, orderId, paymentId, (order, now) -> order.paymentFailed(paymentId, now),
                p -> p.failed(tradeNo, reason, flagged, clock.instant()));
    }

    /**
     * Money going back. Money that came too late, or for a cancelled order, takes the order to REFUND_PENDING unless
     * it is paid; money an operator gives back after it was flagged (a wrong amount or currency, an unknown order)
     * was never the order's price, so only the payment moves (see {@link Order#refundRequested}).
     */
    @Transactional
    public void refundRequested(String eventId, String orderId, String paymentId, String tradeNo, String reason) {
        apply(eventId, orderId, paymentId, (order, now) -> order.refundRequested(paymentId, reason, now),
                p -> p.refundPending(tradeNo, reason, clock.instant()));
    }

    @Transactional
    public void refunded(String eventId, String orderId, String paymentId) {
        apply(eventId, orderId, paymentId, (order, now) -> order.refunded(paymentId, now),
                p -> p.refunded(clock.instant()));
    }

    /** Records the tickets of a paid order, one per seat, with a code derived from the order and the seat. */
    @Transactional
    public void ticketsIssued(String eventId, String orderId, List<String> seats) {
        Instant now = clock.instant();
        if (!processed.firstDelivery(eventId, now)) {
            return;
        }
        for (String seat : seats) {
            jdbc.sql("INSERT IGNORE INTO order_ticket (order_id, seat_label, ticket_code, issued_at) VALUES (?, ?, ?, ?)")
                    .param(orderId).param(seat).param(ticketCode(orderId, seat)).param(Timestamp.from(now)).update();
        }
    }

    private void apply(String eventId, String orderId, String paymentId, OrderChange orderChange,
                       Consumer<Payment> paymentChange) {
        Instant now = clock.instant();
        if (!processed.firstDelivery(eventId, now)) {
            return;
        }
        orders.findById(orderId).ifPresentOrElse(order -> {
            orderChange.apply(order, now);
            orders.save(order);
        }, () -> log.warn("event {} names order {} which this order-api does not know; ignored", eventId, orderId));
        payments.findById(paymentId).filter(p -> p.orderId().equals(orderId)).ifPresent(payment -> {
            paymentChange.accept(payment);
            payments.save(payment);
        });
    }

    static String ticketCode(String orderId, String seat) {
        return UUID.nameUUIDFromBytes((orderId + "/" + seat).getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "").substring(0, 16).toUpperCase();
    }

    @FunctionalInterface
    private interface OrderChange {
        boolean apply(Order order, Instant now);
    }
}
