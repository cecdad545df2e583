package dev.marquee.orderapi.catalog.imports;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts of one table by its natural key: what the table holds is read once, each wanted row is compared with it
 * (values normalized, so {@code 31.230400} equals {@code 31.2304}), and only new and changed rows are written, in
 * JDBC batches. A row the table already holds as wanted is left alone: importing a file twice writes nothing.
 *
 * @param keyColumns   the natural key's columns
 * @param valueColumns the columns an import sets and compares
 */
record Upsert(String table, List<String> keyColumns, List<String> valueColumns) {

    /** A wanted row: its key's values and its values, in the columns' order. */
    record Row(List<Object> key, List<Object> values) {
    }

    /** What writing the rows means. */
    record Plan(List<Row> inserts, List<Row> updates, int unchanged) {
    }

    /** @param where a condition limiting what is read (e.g. to the file's halls), or empty for the whole table */
    Plan plan(JdbcTemplate jdbc, List<Row> rows, String where, Object... args) {
        List<String> all = new ArrayList<>(keyColumns);
        all.addAll(valueColumns);
        String columns = String.join(", ", all);
        Map<List<String>, List<String>> existing = new HashMap<>();
        jdbc.query("SELECT " + columns + " FROM " + table + (where.isEmpty() ? "" : " WHERE " + where), rs -> {
            List<String> key = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= keyColumns.size(); i++) {
                key.add(normal(rs.getObject(i)));
            }
            for (int i = keyColumns.size() + 1; i <= keyColumns.size() + valueColumns.size(); i++) {
                values.add(normal(rs.getObject(i)));
            }
            existing.put(key, values);
        }, args);
        List<Row> inserts = new ArrayList<>();
        List<Row> updates = new ArrayList<>();
        int unchanged = 0;
        for (Row row : rows) {
            List<String> found = existing.get(normal(row.key()));
            if (found == null) {
                inserts.add(row);
            } else if (!found.equals(normal(row.values()))) {
                updates.add(row);
            } else {
                unchanged++;
            }
        }
        return new Plan(inserts, updates, unchanged);
    }

    /** @param extra columns set only on insert (e.g. a password hash), with their values per row */
    void insert(JdbcTemplate jdbc, List<Row> rows, List<String> extra, Function<Row, List<Object>> extraValues) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(valueColumns);
        columns.addAll(extra);
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        jdbc.batchUpdate(sql, rows.stream().map(r -> {
            List<Object> args = new ArrayList<>(r.key());
            args.addAll(r.values());
            args.addAll(extraValues.apply(r));
            return args.stream().map(Upsert::jdbc).toArray();
        }).toList());
    }

    void update(JdbcTemplate jdbc, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "UPDATE " + table + " SET " + valueColumns.stream().map(c -> c + " = ?")
                .collect(Collectors.joining(", ")) + " WHERE " + keyColumns.stream().map(c -> c + " = ?")
                .collect(Collectors.joining(" AND "));
        jdbc.batchUpdate(sql, rows.stream().map(r -> {
            List<Object> args = new ArrayList<>(r.values());
            args.addAll(r.key());
            return args.stream().map(Upsert::jdbc).toArray();
        }).toList());
    }

    private static Object jdbc(Object value) {
        if (value instanceof LocalDateTime at) {
            return Timestamp.valueOf(at);
        }
        if (value instanceof LocalDate day) {
            return java.sql.Date.valueOf(day);
        }
        return value;
    }

    static List<String> normal(List<Object> values) {
        return values.stream().map(Upsert::normal).toList();
    }

    static String normal(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal n -> n.stripTrailingZeros().toPlainString();
            case Timestamp t -> t.toLocalDateTime().toString();
            case java.sql.Date d -> d.toLocalDate().toString();
            case Number n -> Long.toString(n.longValue());
            default -> Objects.toString(value);
        };
    }
}
