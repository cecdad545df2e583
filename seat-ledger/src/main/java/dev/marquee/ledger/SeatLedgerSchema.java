package dev.marquee.ledger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates the ledger's own tables with their own Flyway history, so that each service that writes seats can
 * migrate the ledger beside its own tables (Flyway's lock makes concurrent starts safe).
 */
public final class SeatLedgerSchema {

    private SeatLedgerSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/seat-ledger")
                .table("flyway_history_seat_ledger")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
