package dev.marquee.boxoffice.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

/**
 * Loads rows into an empty table with MariaDB's {@code LOAD DATA LOCAL INFILE}, streamed from memory in chunks,
 * the rows split in contiguous parts loaded side by side on their own connections: several times faster than
 * multi-row inserts for a rebuild's hundreds of thousands of orders. Rows are written as tab-separated text with
 * MariaDB's default escaping ({@code \N} for null).
 */
final class BulkLoad<T> {

    private static final int CHUNK_BYTES = 8 * 1024 * 1024;
    private static final int PARTS = 2;
    private static final int ROWS_PER_PART_AT_LEAST = 50_000;

    private final String table;
    private final String columns;
    private final BiConsumer<T, Row> writer;

    /** @param writer writes one row's fields, in the order of {@code columns} */
    BulkLoad(String table, String columns, BiConsumer<T, Row> writer) {
        this.table = table;
        this.columns = columns;
        this.writer = writer;
    }

    /** Whether the driver is MariaDB's and the server takes local files. */
    static boolean available(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!statement.isWrapperFor(org.mariadb.jdbc.Statement.class)) {
                return false;
            }
            try (ResultSet rs = statement.executeQuery("SELECT @@GLOBAL.local_infile")) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** Loads the rows, in their order within each part; each part is one connection's stream of chunks. */
    void load(DataSource dataSource, List<T> rows) throws SQLException {
        int parts = rows.size() >= PARTS * ROWS_PER_PART_AT_LEAST ? PARTS : 1;
        if (parts == 1) {
            loadPart(dataSource, rows);
            return;
        }
        try (ExecutorService loaders = Executors.newFixedThreadPool(parts)) {
            List<Future<Void>> loaded = new ArrayList<>();
            for (int part = 0; part < parts; part++) {
                List<T> slice = rows.subList(rows.size() * part / parts, rows.size() * (part + 1) / parts);
                loaded.add(loaders.submit(() -> {
                    loadPart(dataSource, slice);
                    return null;
                }));
            }
            for (Future<Void> part : loaded) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while loading " + table, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
        }
    }

    private void loadPart(DataSource dataSource, List<T> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            org.mariadb.jdbc.Statement mariaDb = statement.unwrap(org.mariadb.jdbc.Statement.class);
            Row row = new Row();
            for (T item : rows) {
                writer.accept(item, row);
                row.end();
                if (row.bytes.size() >= CHUNK_BYTES) {
                    send(mariaDb, row);
                }
            }
            if (row.bytes.size() > 0) {
                send(mariaDb, row);
            }
        }
    }

    private void send(org.mariadb.jdbc.Statement statement, Row row) throws SQLException {
        statement.setLocalInfileInputStream(new ByteArrayInputStream(row.bytes.toByteArray()));
        statement.execute("LOAD DATA LOCAL INFILE 'rows' INTO TABLE " + table + " CHARACTER SET utf8mb4 (" + columns
                + ")");
        row.bytes.reset();
    }

    /** The fields of the row being written. */
    static final class Row {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(CHUNK_BYTES + 64 * 1024);
        private final StringBuilder line = new StringBuilder(256);
        private int fields;

        Row field(Object value) {
            if (fields++ > 0) {
                line.append('\t');
            }
            if (value == null) {
                line.append("\\N");
                return this;
            }
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\0' -> line.append("\\0");
                    default -> line.append(c);
                }
            }
            return this;
        }

        private void end() {
            line.append('\n');
            bytes.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
            line.setLength(0);
            fields = 0;
        }
    }
}
