package dev.marquee.orderapi.order.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.marquee.orderapi.order.Order;
import dev.marquee.orderapi.order.OrderNotFoundException;
import dev.marquee.orderapi.order.OrderPlacement;
import dev.marquee.orderapi.order.Orders;
import dev.marquee.orderapi.order.PlaceOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderPlacement placement;
    private final Orders orders;

    OrderController(OrderPlacement placement, Orders orders) {
        this.placement = placement;
        this.orders = orders;
    }

    /** Accepts the order; the seats are decided asynchronously, so the answer is 202 with the order to poll. */
    @PostMapping
    ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request) {
        Order order = placement.place(new PlaceOrder(request.customerId(), request.screeningId(), request.seats()));
        return ResponseEntity.accepted().location(URI.create("/api/orders/" + order.id())).body(OrderView.of(order));
    }

    @GetMapping("/{id}")
    OrderView order(@PathVariable String id) {
        return orders.findById(id).map(OrderView::of).orElseThrow(() -> new OrderNotFoundException(id));
    }

    record PlaceOrderRequest(@NotBlank @Size(max = 64) String customerId,
                             @NotNull @Positive Long screeningId,
                             @NotEmpty List<@NotBlank @Size(max = 8) String> seats) {
    }

    record OrderView(String id, String status, String customerId, long screeningId, long hallId, List<String> seats,
                     Money amount, Instant holdDeadline, Rejection rejection, Instant createdAt,
                     Instant updatedAt) {
        static OrderView of(Order o) {
            Rejection rejection = o.rejectReason() == null ? null : new Rejection(o.rejectReason(), o.rejectDetail());
            return new OrderView(o.id(), o.status().name(), o.customerId(), o.screeningId(), o.hallId(), o.seats(),
                    new Money(o.amountMinor(), o.currency()), o.holdDeadline(), rejection, o.createdAt(),
                    o.updatedAt());
        }
    }

    record Money(long minor, String currency) {
    }

    record Rejection(String reason, String detail) {
    }
}
