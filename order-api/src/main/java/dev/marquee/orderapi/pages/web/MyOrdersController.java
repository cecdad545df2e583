package dev.marquee.orderapi.pages.web;

import java.time.Instant;
import java.util.List;

import dev.marquee.orderapi.order.Order;
import dev.marquee.orderapi.order.Orders;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** "My orders": the signed-in customer's fifty newest orders, whoever asks only ever sees their own. */
@RestController
class MyOrdersController {

    record MyOrder(String id, String status, long screeningId, List<String> seats, long amountMinor, String currency,
                   Instant createdAt) {
    }

    private final Orders orders;

    MyOrdersController(Orders orders) {
        this.orders = orders;
    }

    @Operation(summary = "The pages' 'my orders': the signed-in customer's newest orders")
    @SignedIn
    @GetMapping("/pages/my-orders")
    List<MyOrder> mine(@AuthenticationPrincipal Caller caller) {
        return orders.newestOf(caller.subject(), 50).stream()
                .map(MyOrdersController::view).toList();
    }

    private static MyOrder view(Order o) {
        return new MyOrder(o.id(), o.status().name(), o.screeningId(), o.seats(), o.amountMinor(), o.currency(),
                o.createdAt());
    }
}
