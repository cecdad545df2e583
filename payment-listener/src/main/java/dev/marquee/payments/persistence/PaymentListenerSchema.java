package dev.marquee.payments.persistence;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates the payment listener's own tables with their own Flyway history, beside order-api's and the seat
 * ledger's in the same database (Flyway's lock makes concurrent starts safe).
 */
public final class PaymentListenerSchema {

    private PaymentListenerSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/payment-listener")
                .table("flyway_history_payment_listener")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
