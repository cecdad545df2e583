package dev.marquee.orderapi;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The small catalog ({@code test-catalog.sql}: merchant 1, cinema 1, halls 1-2, screenings 1-4) order-api's own
 * integration tests order from, written once per database after order-api has migrated it. The catalog import that
 * seeds {@code ./marquee run} and the launcher's tests lives in the launcher, which this module cannot use.
 */
public final class TestCatalog {

    private TestCatalog() {
    }

    /** Writes the test catalog unless merchant 1 is there already. */
    public static synchronized void ensure(DataSource db) {
        Long merchants = JdbcClient.create(db).sql("SELECT COUNT(*) FROM merchant WHERE id = 1").query(Long.class).single();
        if (merchants == 0) {
            new ResourceDatabasePopulator(new ClassPathResource("test-catalog.sql")).execute(db);
        }
    }
}
