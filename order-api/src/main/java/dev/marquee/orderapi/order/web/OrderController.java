package dev.marquee.orderapi.order.web;

import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.marquee.orderapi.order.Order;
import dev.marquee.orderapi.order.OrderCancellation;
import dev.marquee.orderapi.order.OrderNotFoundException;
import dev.marquee.orderapi.order.OrderPlacement;
import dev.marquee.orderapi.order.Orders;
import dev.marquee.orderapi.order.PlaceOrder;
import dev.marquee.orderapi.payment.Payment;
import dev.marquee.orderapi.payment.Payments;
import dev.marquee.orderapi.payment.Tickets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderPlacement placement;
    private final OrderCancellation cancellation;
    private final Orders orders;
    private final Payments payments;
    private final Tickets tickets;

    OrderController(OrderPlacement placement, OrderCancellation cancellation, Orders orders, Payments payments,
                    Tickets tickets) {
        this.placement = placement;
        this.cancellation = cancellation;
        this.orders = orders;
        this.payments = payments;
        this.tickets = tickets;
    }

    /** Accepts the order; the seats are decided asynchronously, so the answer is 202 with the order to poll. */
    @Permits(area = Area.ORDERS, access = Access.WRITE)
    @PostMapping
    ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw new InvalidIdempotencyKeyException();
        }
        PlaceOrder command = request.seats() == null || request.seats().isEmpty()
                ? PlaceOrder.anySeats(request.customerId(), request.screeningId(), request.anySeats())
                : PlaceOrder.seats(request.customerId(), request.screeningId(), request.seats());
        OrderPlacement.Placement placed = placement.place(command.withIdempotencyKey(key));
        Order order = placed.order();
        return ResponseEntity.accepted().location(URI.create("/api/orders/" + order.id()))
                .header("Idempotent-Replayed", Boolean.toString(placed.replayed()))
                .body(OrderView.of(order, List.of(), List.of()));
    }

    @Permits(area = Area.ORDERS, access = Access.READ)
    @GetMapping("/{id}")
    OrderView order(@PathVariable String id) {
        Order order = orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
        return view(order);
    }

    /** Gives a held order's seats back at once: 200 with the order, CANCELLED; again, the same answer. */
    @Permits(area = Area.ORDERS, access = Access.WRITE)
    @PostMapping("/{id}/cancel")
    OrderView cancel(@PathVariable String id) {
        return view(cancellation.cancel(id));
    }

    private OrderView view(Order order) {
        String id = order.id();
        return OrderView.of(order, payments.findByOrderIdOrderByCreatedAt(id).stream().map(PaymentView::of).toList(),
                tickets.of(id));
    }

    /** Either {@code seats} (labels such as "E7") or {@code anySeats} (that many, best available). */
    record PlaceOrderRequest(@NotBlank @Size(max = 64) String customerId,
                             @NotNull @Positive Long screeningId,
                             List<@NotBlank @Size(max = 8) String> seats,
                             @Positive Integer anySeats) {

        @AssertTrue(message = "give either a non-empty seats list or anySeats, not both")
        boolean isSeatsOrAnySeats() {
            return (seats == null || seats.isEmpty()) != (anySeats == null);
        }
    }

    static final class InvalidIdempotencyKeyException extends RuntimeException {
        InvalidIdempotencyKeyException() {
            super("The Idempotency-Key header must be 1 to 100 characters.");
        }
    }

    record OrderView(String id, String status, String customerId, long screeningId, long hallId, List<String> seats,
                     int seatCount, Money amount, Instant holdDeadline, Rejection rejection, String refundReason,
                     Instant createdAt, Instant updatedAt, List<PaymentView> payments, List<Tickets.Ticket> tickets) {
        static OrderView of(Order o, List<PaymentView> payments, List<Tickets.Ticket> tickets) {
            Rejection rejection = o.rejectReason() == null ? null : new Rejection(o.rejectReason(), o.rejectDetail());
            return new OrderView(o.id(), o.status().name(), o.customerId(), o.screeningId(), o.hallId(), o.seats(),
                    o.seatCount(), new Money(o.amountMinor(), o.currency()), o.holdDeadline(), rejection,
                    o.refundReason(), o.createdAt(), o.updatedAt(), payments, tickets);
        }
    }

    /** A payment attempt: {@code retaken} marks money that came after the hold and bought the same seats again. */
    record PaymentView(String id, String gateway, String status, Money amount, String tradeNo, String reason,
                       boolean retaken, Instant createdAt, Instant updatedAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.gateway(), p.status().name(), new Money(p.amountMinor(), p.currency()),
                    p.tradeNo(), p.reason(), p.retaken(), p.createdAt(), p.updatedAt());
        }
    }

    record Money(long minor, String currency) {
    }

    record Rejection(String reason, String detail) {
    }
}
