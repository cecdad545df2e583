package dev.marquee.orderapi.order.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.marquee.orderapi.order.Order;
import dev.marquee.orderapi.order.OrderAccess;
import dev.marquee.orderapi.order.OrderCancellation;
import dev.marquee.orderapi.order.OrderPlacement;
import dev.marquee.orderapi.order.OrderRefusedException;
import dev.marquee.orderapi.order.PlaceOrder;
import dev.marquee.orderapi.payment.Payment;
import dev.marquee.orderapi.payment.Payments;
import dev.marquee.orderapi.payment.Tickets;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Permits;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    private final OrderAccess access;
    private final Payments payments;
    private final Tickets tickets;

    OrderController(OrderPlacement placement, OrderCancellation cancellation, OrderAccess access, Payments payments,
                    Tickets tickets) {
        this.placement = placement;
        this.cancellation = cancellation;
        this.access = access;
        this.payments = payments;
        this.tickets = tickets;
    }

    /** Accepts the order; the seats are decided asynchronously, so the answer is 202 with the order to poll. */
    @Operation(summary = "Order seats (named, or any N best available); 202: the allocator decides, poll the order")
    @Problem(status = 422, code = "unknown-screening", when = "no such screening")
    @Problem(status = 422, code = "screening-closed", when = "the screening has started or was cancelled")
    @Problem(status = 422, code = "unknown-seat", when = "the hall has no such sellable seat (`seats` lists them)")
    @Problem(status = 422, code = "duplicate-seat", when = "a seat is listed twice")
    @Problem(status = 422, code = "too-many-seats", when = "more seats than an order may take")
    @Problem(status = 409, code = "seats-taken", when = "the seat map shows a named seat held or sold (`seats`); nothing is written")
    @Problem(status = 409, code = "sold-out", when = "fewer than N seats are free; nothing is written")
    @Problem(status = 409, code = "idempotency-key-reused", when = "the Idempotency-Key was used for another request (`orderId`)")
    @Problem(status = 400, code = "invalid-idempotency-key", when = "the key is empty or longer than 100 characters")
    @Problem(status = 413, code = "body-too-large", when = "the body is over 64 KiB")
    @Problem(status = 503, code = "try-again", when = "a transient database failure; nothing was written, retry")
    @Permits(area = Area.ORDERS, access = Access.WRITE)
    @PostMapping
    ResponseEntity<?> place(@Valid @RequestBody PlaceOrderRequest request,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @AuthenticationPrincipal Caller caller) {
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw new InvalidIdempotencyKeyException();
        }
        PlaceOrder command = request.seats() == null || request.seats().isEmpty()
                ? PlaceOrder.anySeats(caller.subject(), request.screeningId(), request.anySeats())
                : PlaceOrder.seats(caller.subject(), request.screeningId(), request.seats());
        OrderPlacement.Placement placed;
        try {
            placed = placement.place(command.withIdempotencyKey(key));
        } catch (OrderRefusedException refused) {
            // answered here, not by the advice: a flash crowd's refusals would each cost a reflective wrapper
            // exception with a stack trace and a trip through the exception resolvers (10% of the edge's CPU)
            ProblemDetail problem = ApiProblems.refusal(refused);
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        Order order = placed.order();
        return ResponseEntity.accepted().location(URI.create("/api/orders/" + order.id()))
                .header("Idempotent-Replayed", Boolean.toString(placed.replayed()))
                .body(OrderView.of(order, List.of(), List.of()));
    }

    @Operation(summary = "An order with its payments and tickets (the caller's own, or one they manage)")
    @Problem(status = 404, code = "order-not-found", when = "no such order, or not the caller's")
    @Permits(area = Area.ORDERS, access = Access.READ)
    @GetMapping("/{id}")
    OrderView order(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return view(access.visible(id, caller));
    }

    /**
     * Gives a held order's seats back at once: 200 with the order, CANCELLED; again, the same answer. The
     * customer's own order, or one the caller manages (staff of its cinema's merchant, an admin): staff have orders
     * read and manage, not write, so the finer check is {@link OrderAccess#cancellable}'s.
     */
    @Operation(summary = "Give a held order's seats back")
    @Problem(status = 404, code = "order-not-found", when = "no such order, or not the caller's")
    @Problem(status = 409, code = "order-not-cancellable", when = "the order is not HELD or its hold lapsed (`orderStatus`)")
    @Problem(status = 503, code = "hall-busy", when = "another writer kept the hall's lock; nothing changed, retry")
    @Problem(status = 503, code = "locks-unavailable", when = "Redis is away; nothing changed, retry")
    @Permits(area = Area.ORDERS, access = Access.READ)
    @PostMapping("/{id}/cancel")
    OrderView cancel(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return view(cancellation.cancel(access.cancellable(id, caller).id()));
    }

    private OrderView view(Order order) {
        String id = order.id();
        return OrderView.of(order, payments.ofOrder(id).stream().map(PaymentView::of).toList(),
                tickets.of(id));
    }

    /**
     * Either {@code seats} (labels such as "E7") or {@code anySeats} (that many, best available). The customer is
     * whoever signed in (the token's subject): a body that still names one is refused (400), so that no client
     * believes it ordered for someone else.
     */
    record PlaceOrderRequest(@Null(message = "the customer is whoever signed in (the bearer token's subject):"
                                     + " leave customerId out") String customerId,
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
