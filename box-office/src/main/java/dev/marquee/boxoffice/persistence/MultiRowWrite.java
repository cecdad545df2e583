package dev.marquee.boxoffice.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rows with multi-row statements ({@code INSERT ... VALUES (...), (...), ...}) of up to {@code rowsPerStatement}
 * rows each: one round trip and one statement parse per chunk instead of per row, whatever the driver's batching.
 */
final class MultiRowWrite<T> {

    private final String head;
    private final String row;
    private final String tail;
    private final Function<T, Object[]> values;
    private final int rowsPerStatement;

    /**
     * @param head   e.g. {@code INSERT INTO t (a, b) VALUES }
     * @param tail   e.g. {@code  ON DUPLICATE KEY UPDATE b = VALUES(b)}, or empty
     * @param values the parameters of one row, as many as {@code columns}
     */
    MultiRowWrite(String head, int columns, String tail, Function<T, Object[]> values, int rowsPerStatement) {
        this.head = head;
        this.row = "(" + "?, ".repeat(columns - 1) + "?)";
        this.tail = tail;
        this.values = values;
        this.rowsPerStatement = rowsPerStatement;
    }

    void write(JdbcTemplate jdbc, Collection<T> rows) {
        List<T> chunk = new ArrayList<>(Math.min(rows.size(), rowsPerStatement));
        for (T r : rows) {
            chunk.add(r);
            if (chunk.size() == rowsPerStatement) {
                flush(jdbc, chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            flush(jdbc, chunk);
        }
    }

    private void flush(JdbcTemplate jdbc, List<T> chunk) {
        StringBuilder sql = new StringBuilder(head.length() + chunk.size() * (row.length() + 2) + tail.length());
        sql.append(head);
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
            for (Object value : values.apply(chunk.get(i))) {
                params.add(value);
            }
        }
        jdbc.update(sql.append(tail).toString(), params.toArray());
    }
}
