package dev.marquee.expiry.persistence;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates the expiry worker's own table with its own Flyway history, beside order-api's and the seat ledger's in
 * the same database (Flyway's lock makes concurrent starts safe).
 */
public final class ExpiryWorkerSchema {

    private ExpiryWorkerSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/expiry-worker")
                .table("flyway_history_expiry_worker")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
