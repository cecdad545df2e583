package dev.marquee.allocator.persistence;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates the allocator's own tables (its copy of the catalog) with their own Flyway history, beside the seat
 * ledger's. Every hall's layout comes from catalog-events (HallLayoutPublished), the demo's too.
 */
final class AllocatorSchema {

    private AllocatorSchema() {
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/seat-allocator")
                .table("flyway_history_seat_allocator")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
