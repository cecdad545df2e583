package dev.marquee.orderapi.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes a table's rows older than a retention, oldest first, in batches: each batch is its own short statement,
 * so a purge never holds many locks against the writers of the table. The outbox, the processed-event log and the
 * acknowledged payment notifications each keep their rows only for a while.
 */
public final class RetentionPurge {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String delete;
    private final Duration retention;
    private final int batch;

    /** @param table and {@code timeColumn} are the code's own names, never input */
    public RetentionPurge(JdbcClient jdbc, Clock clock, String table, String timeColumn, Duration retention,
                          int batch) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.delete = "DELETE FROM " + table + " WHERE " + timeColumn + " < ? ORDER BY " + timeColumn + " LIMIT "
                + batch;
        this.retention = retention;
        this.batch = batch;
    }

    /** @return the rows deleted, and the instant before which they were written */
    public Purged purge() {
        Instant before = clock.instant().minus(retention);
        long purged = 0;
        int deleted;
        do {
            deleted = jdbc.sql(delete).param(Timestamp.from(before)).update();
            purged += deleted;
        } while (deleted == batch);
        return new Purged(purged, before);
    }

    public record Purged(long rows, Instant before) {
    }
}
