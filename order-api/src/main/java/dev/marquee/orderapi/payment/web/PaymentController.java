package dev.marquee.orderapi.payment.web;

import java.net.URI;
import java.time.Instant;

import dev.marquee.orderapi.order.Order;
import dev.marquee.orderapi.order.OrderAccess;
import dev.marquee.orderapi.payment.Payment;
import dev.marquee.orderapi.payment.PaymentStart;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Permits;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Paying an order, the customer's own only: start a payment at a gateway, then (optionally) say it was paid. */
@RestController
@RequestMapping("/api/orders/{orderId}/payments")
class PaymentController {

    private final PaymentStart start;
    private final OrderAccess access;

    PaymentController(PaymentStart start, OrderAccess access) {
        this.start = start;
        this.access = access;
    }

    /** 201 with the pay URL; asking again for the same gateway returns the same open payment. */
    @Operation(summary = "Start paying a held order at a gateway: answers with the gateway's pay page")
    @Problem(status = 404, code = "order-not-found", when = "no such order, or not the caller's")
    @Problem(status = 404, code = "gateway-unknown", when = "no such gateway enabled")
    @Problem(status = 409, code = "order-not-payable", when = "the order is not HELD/PAYMENT_PENDING or its hold lapsed")
    @Permits(area = Area.PAYMENTS, access = Access.WRITE)
    @PostMapping
    ResponseEntity<StartedView> start(@PathVariable String orderId,
                                      @Valid @RequestBody(required = false) StartRequest request,
                                      @AuthenticationPrincipal Caller caller) {
        access.own(orderId, caller);
        String gateway = request == null || request.gateway() == null ? "alipay" : request.gateway();
        PaymentStart.Started started = start.start(orderId, gateway,
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUri());
        Payment p = started.payment();
        return ResponseEntity.created(URI.create("/api/orders/" + orderId)).body(new StartedView(p.id(), orderId,
                p.gateway(), new Amount(p.amountMinor(), p.currency()), started.payUrl(), started.payBefore(),
                p.status().name()));
    }

    /** The client says it paid: 200 with the order, now PAYMENT_PENDING; money state waits for the gateway. */
    @Operation(summary = "The customer says they paid: the order shows PAYMENT_PENDING until the gateway confirms")
    @Problem(status = 404, code = "order-not-found", when = "no such order, or not the caller's")
    @Problem(status = 409, code = "payment-not-started", when = "no payment was started")
    @Problem(status = 409, code = "order-not-payable", when = "the order is not HELD or its hold lapsed")
    @Problem(status = 409, code = "order-state-conflict", when = "raced a change of the order's state")
    @Permits(area = Area.PAYMENTS, access = Access.WRITE)
    @PostMapping("/claimed")
    ClaimedView claimed(@PathVariable String orderId, @AuthenticationPrincipal Caller caller) {
        Order order = start.claimed(access.own(orderId, caller).id());
        return new ClaimedView(order.id(), order.status().name(), order.holdDeadline());
    }

    record StartRequest(@Pattern(regexp = "[a-z]{1,20}") String gateway) {
    }

    record Amount(long minor, String currency) {
    }

    record StartedView(String paymentId, String orderId, String gateway, Amount amount, URI payUrl, Instant payBefore,
                       String status) {
    }

    record ClaimedView(String orderId, String status, Instant holdDeadline) {
    }
}
