package dev.marquee.relay;

/**
 * Where order-api's migrations are (it owns the outbox table; the relay only reads it): its source folder, passed
 * by the build ({@code order-api.migrations}), so the relay's tests create the table exactly as order-api does.
 */
final class OrderApiSchema {

    static final String LOCATION = System.getProperty("order-api.migrations",
            "filesystem:../order-api/src/main/resources/db/order-api");

    private OrderApiSchema() {
    }
}
