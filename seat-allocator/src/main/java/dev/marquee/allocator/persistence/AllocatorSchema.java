package dev.marquee.allocator.persistence;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates the allocator's own tables (its copy of the catalog) with their own Flyway history, beside the seat
 * ledger's. The demo halls' layouts come with them where {@code marquee.demo-data} is true: they exist before any
 * catalog event was published.
 */
final class AllocatorSchema {

    private AllocatorSchema() {
    }

    static void migrate(DataSource dataSource, boolean demoData) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(demoData
                        ? new String[] {"classpath:db/seat-allocator", "classpath:db/seat-allocator-demo"}
                        : new String[] {"classpath:db/seat-allocator"})
                .table("flyway_history_seat_allocator")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
