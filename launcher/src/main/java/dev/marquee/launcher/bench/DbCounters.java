package dev.marquee.launcher.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.stack.EmbeddedStack;

/**
 * The database's own counters ({@code SHOW GLOBAL STATUS}) around a bench step: how many statements, commits and log
 * syncs the whole product asked of MariaDB, so that a step's cost can be divided by the orders it decided. Counts every
 * client of the server (all services and the bench's own reads), which is what the database's CPU pays for.
 */
final class DbCounters {

    /** The counters reported, in the order printed, with a short name each. */
    static final Map<String, String> COUNTERS = names();

    private final EmbeddedStack stack;

    DbCounters(EmbeddedStack stack) {
        this.stack = stack;
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("Questions", "statements");
        names.put("Com_select", "select");
        names.put("Com_insert", "insert");
        names.put("Com_update", "update");
        names.put("Com_delete", "delete");
        names.put("Com_insert_select", "insertSelect");
        names.put("Com_replace", "replace");
        names.put("Com_commit", "commit");
        names.put("Com_rollback", "rollback");
        names.put("Com_set_option", "set");
        names.put("Com_begin", "begin");
        names.put("Binlog_commits", "binlogCommits");
        names.put("Binlog_group_commits", "groupCommits");
        names.put("Innodb_data_fsyncs", "fsyncs");
        names.put("Rows_read", "rowsRead");
        return names;
    }

    /** The counters now; an empty map if the database cannot be asked (the bench goes on without them). */
    Map<String, Long> snapshot() {
        Map<String, Long> values = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                     + String.join("','", COUNTERS.keySet()) + "')")) {
            while (rs.next()) {
                values.put(rs.getString(1), Long.parseLong(rs.getString(2)));
            }
        } catch (SQLException | NumberFormatException e) {
            return Map.of();
        }
        return values;
    }

    /** Each counter's growth from {@code before} to {@code after}, by short name, per {@code orders} (if any). */
    static Map<String, Double> perOrder(Map<String, Long> before, Map<String, Long> after, long orders) {
        Map<String, Double> per = new LinkedHashMap<>();
        if (orders <= 0 || before.isEmpty() || after.isEmpty()) {
            return per;
        }
        COUNTERS.forEach((counter, name) -> {
            Long from = before.get(counter);
            Long to = after.get(counter);
            if (from != null && to != null) {
                per.put(name, (to - from) / (double) orders);
            }
        });
        return per;
    }

    /** The counters worth a line: the statement kinds and syncs, without the zeros. */
    static List<String> printable(Map<String, Double> perOrder) {
        return perOrder.entrySet().stream().filter(e -> e.getValue() >= 0.05 && !e.getKey().equals("groupCommits"))
                .map(e -> String.format("%s %.1f", e.getKey(), e.getValue())).toList();
    }
}
