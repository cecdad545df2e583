package dev.marquee.orderapi.payment;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.marquee.gateway.Money;
import dev.marquee.ledger.FencingToken;
import dev.marquee.ledger.HallFence;
import dev.marquee.ledger.HallLock;
import dev.marquee.ledger.SeatLedger;
import dev.marquee.orderapi.order.Order;
import dev.marquee.orderapi.order.OrderNotFoundException;
import dev.marquee.orderapi.order.OrderStatus;
import dev.marquee.orderapi.order.Orders;
import dev.marquee.support.ids.TimeOrderedIds;
import dev.marquee.support.PaymentExtensionProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starting a payment and the customer's claim to have paid. Neither moves money state: only a verified
 * notification does. The claim marks the hold in the seat ledger as having its payment in flight (under the hall's
 * lock, behind its fence, in the transaction that makes the order PAYMENT_PENDING): from then on the hold stays
 * live until its deadline plus the one extension ({@code marquee.expiry.payment-extension}), for the allocator,
 * other orders' late money and the expiry worker alike.
 */
@Service
public class PaymentStart {

    /** What a client needs to pay at the gateway. */
    public record Started(Payment payment, URI payUrl, Instant payBefore) {
    }

    private final Orders orders;
    private final Payments payments;
    private final PaymentGateways gateways;
    private final PaymentSettings settings;
    private final HallLock lock;
    private final HallFence fence;
    private final SeatLedger ledger;
    private final TransactionTemplate transaction;
    private final Duration extension;
    private final Clock clock;

    PaymentStart(Orders orders, Payments payments, PaymentGateways gateways, PaymentSettings settings, HallLock lock,
                 HallFence fence, SeatLedger ledger, TransactionTemplate transaction,
                 PaymentExtensionProperties extension, Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.gateways = gateways;
        this.settings = settings;
        this.lock = lock;
        this.fence = fence;
        this.ledger = ledger;
        this.transaction = transaction;
        this.extension = extension.paymentExtension();
        this.clock = clock;
    }

    /**
     * A payment for a held order at {@code gateway}; asking again returns the same open payment.
     *
     * @param requestBase the base URL the client reached this order-api at, for notifications when
     *                    {@code marquee.payments.notify-base-url} is not set
     */
    @Transactional
    public Started start(String orderId, String gateway, URI requestBase) {
        PaymentGateways.Enabled enabled = gateways.get(gateway)
                .orElseThrow(() -> PaymentRefusedException.unknownGateway(gateway, gateways.names()));
        Order order = payableOrder(orderId);
        Payment payment = payments.ofOrder(orderId).stream()
                .filter(p -> p.status().open() && p.gateway().equals(gateway)).findFirst()
                .orElseGet(() -> payments.save(new Payment(TimeOrderedIds.nextText(), orderId, gateway,
                        order.amountMinor(), order.currency(), clock.instant())));
        return new Started(payment, payUrl(enabled, payment, order, requestBase), order.holdDeadline());
    }

    /**
     * The customer says it paid: the order shows PAYMENT_PENDING until the gateway's word arrives, and its hold is
     * marked in the ledger as having a payment in flight. Saying it again answers the order as it is.
     */
    public Order claimed(String orderId) {
        Order order = payableOrder(orderId);
        openPayments(orderId);
        if (order.status() == OrderStatus.PAYMENT_PENDING) {
            return order;
        }
        return lock.runLocked(order.hallId(), token -> transaction.execute(status -> claimedLocked(orderId, token)));
    }

    private Order claimedLocked(String orderId, FencingToken token) {
        fence.admit(token);
        Order order = payableOrder(orderId);
        List<Payment> open = openPayments(orderId);
        if (order.status() == OrderStatus.PAYMENT_PENDING) {
            return order;
        }
        Instant now = clock.instant();
        ledger.markPaymentInFlight(orderId, extension, now).orElseThrow(() -> PaymentRefusedException
                .orderNotPayable(orderId, order.status(), "its hold is no longer live"));
        open.forEach(p -> {
            p.claimed(now);
            payments.save(p);
        });
        order.claimPayment(open.stream().map(Payment::id).collect(Collectors.toSet()), now);
        orders.save(order);
        return order;
    }

    private List<Payment> openPayments(String orderId) {
        List<Payment> open = payments.ofOrder(orderId).stream()
                .filter(p -> p.status().open()).toList();
        if (open.isEmpty()) {
            throw PaymentRefusedException.paymentNotStarted(orderId);
        }
        return open;
    }

    private Order payableOrder(String orderId) {
        Order order = orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        if (order.status() != OrderStatus.HELD && order.status() != OrderStatus.PAYMENT_PENDING) {
            throw PaymentRefusedException.orderNotPayable(orderId, order.status(), "it is " + order.status()
                    + "; only held orders are paid");
        }
        if (!order.holdDeadline().isAfter(clock.instant())) {
            throw PaymentRefusedException.orderNotPayable(orderId, order.status(), "its hold lapsed at "
                    + order.holdDeadline());
        }
        return order;
    }

    private URI payUrl(PaymentGateways.Enabled gateway, Payment payment, Order order, URI requestBase) {
        URI base = settings.notifyBaseUrl() == null ? requestBase : settings.notifyBaseUrl();
        URI notifyUrl = base.resolve("/api/payments/" + gateway.name() + "/notify");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("out_trade_no", payment.id());
        query.put("total_amount", Money.toDecimal(payment.amountMinor(), payment.currency()));
        query.put("currency", payment.currency());
        query.put("subject", "Marquee order " + order.id());
        query.put("notify_url", notifyUrl.toString());
        return URI.create(gateway.payUrl() + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
