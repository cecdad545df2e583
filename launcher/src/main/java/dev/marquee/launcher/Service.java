package dev.marquee.launcher;

import java.util.function.Supplier;

import dev.marquee.allocator.SeatAllocatorApplication;
import dev.marquee.boxoffice.BoxOfficeApplication;
import dev.marquee.expiry.ExpiryWorkerApplication;
import dev.marquee.orderapi.OrderApiApplication;
import dev.marquee.payments.PaymentListenerApplication;
import dev.marquee.relay.OutboxRelayApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The pipeline's services; each is its own Spring Boot application with its own configuration file. They start in
 * this order: order-api first (it migrates its tables, the outbox among them), then the relay that reads its outbox.
 */
enum Service {
    ORDER_API("order-api", OrderApiApplication::application, true),
    OUTBOX_RELAY("outbox-relay", OutboxRelayApplication::application, true),
    SEAT_ALLOCATOR("seat-allocator", SeatAllocatorApplication::application, true),
    PAYMENT_LISTENER("payment-listener", PaymentListenerApplication::application, true),
    EXPIRY_WORKER("expiry-worker", ExpiryWorkerApplication::application, true),
    BOX_OFFICE("box-office", BoxOfficeApplication::application, true);

    private final String id;
    private final Supplier<SpringApplicationBuilder> application;
    private final boolean built;

    Service(String id, Supplier<SpringApplicationBuilder> application, boolean built) {
        this.id = id;
        this.application = application;
        this.built = built;
    }

    String id() {
        return id;
    }

    SpringApplicationBuilder application() {
        return application.get();
    }

    /** Whether the service does its job yet (the others are application shells until their issue lands). */
    boolean built() {
        return built;
    }

    static Service byId(String id) {
        for (Service service : values()) {
            if (service.id.equals(id)) {
                return service;
            }
        }
        throw new IllegalArgumentException("unknown service '" + id + "'");
    }
}
