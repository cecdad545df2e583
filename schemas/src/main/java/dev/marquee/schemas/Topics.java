package dev.marquee.schemas;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;

/** The Kafka topics of the pipeline; see DESIGN.md section 3 for keys, producers and consumers. */
public final class Topics {

    /** {@code OrderRequested}, keyed by hallId. */
    public static final String ORDER_REQUESTS = "order-requests";
    /**
     * {@code SeatsHeld}, {@code SeatsRejected}, {@code SeatsReleased}, {@code HoldExtended}, {@code TicketsIssued},
     * keyed by orderId.
     */
    public static final String SEAT_EVENTS = "seat-events";
    /** {@code PaymentCallbackReceived}, keyed by orderId. */
    public static final String PAYMENT_CALLBACKS = "payment-callbacks";
    /**
     * {@code OrderPaid}, {@code OrderExpired}, {@code OrderCancelled}, {@code PaymentFailed}, {@code RefundRequested},
     * {@code RefundCompleted}, keyed by orderId.
     */
    public static final String ORDER_EVENTS = "order-events";
    /**
     * {@code HallLayoutPublished}, {@code ScreeningScheduled}, {@code ScreeningChanged}, {@code ScreeningCancelled}
     * keyed by hallId; {@code MovieChanged}, {@code LicenceGranted}, {@code LicenceRevoked} keyed by movieId.
     * Published by order-api's catalog; the services keep what they need of the catalog from it.
     */
    public static final String CATALOG_EVENTS = "catalog-events";

    public static final List<String> ALL = List.of(ORDER_REQUESTS, SEAT_EVENTS, PAYMENT_CALLBACKS, ORDER_EVENTS,
            CATALOG_EVENTS);

    /**
     * The topics a service creates if they are missing, all alike: kept forever ({@code retention.ms=-1}) so that
     * projections can be rebuilt and dead letters re-driven.
     */
    public static NewTopic[] declarations(int partitions, short replicationFactor, String... names) {
        return Arrays.stream(names)
                .map(name -> new NewTopic(name, partitions, replicationFactor).configs(Map.of("retention.ms", "-1")))
                .toArray(NewTopic[]::new);
    }

    private Topics() {
    }
}
