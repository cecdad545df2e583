package dev.marquee.boxoffice.persistence;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates the box office's own tables with their own Flyway history, beside order-api's and the other services'
 * in the same database (Flyway's lock makes concurrent starts safe).
 */
public final class BoxOfficeSchema {

    private BoxOfficeSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/box-office")
                .table("flyway_history_box_office")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
