package dev.marquee.launcher.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.management.ObjectName;

/**
 * Where the cores go, by service: this JVM's threads (every service runs in it) read from {@code /proc/self/task/*}
 * ({@code stat} for the CPU ticks, {@code comm} as a fallback name), named by the JVM's thread dump (its {@code nid}
 * is the kernel's thread id, and the dump has the full names {@code comm} cuts at 15 characters) and grouped by the
 * service a name belongs to; plus the MariaDB and Redis processes the stack started. A snapshot at each end of a
 * step; {@link #between} gives the shares (100% = one core).
 */
final class ServiceCpu {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final Pattern DUMP_LINE = Pattern.compile("^\"(.*)\" .*\\bnid=(0x[0-9a-fA-F]+|\\d+)");
    private static final Pattern TOMCAT = Pattern.compile("^http-nio-(\\d+)-");

    /** Ticks per thread (or process), and the group each belongs to. */
    record Snapshot(long nanos, Map<String, Long> ticks, Map<String, String> group, Map<String, String> name) {
    }

    private final Map<Integer, String> serviceOfPort;

    ServiceCpu(Map<Integer, String> serviceOfPort) {
        this.serviceOfPort = serviceOfPort;
    }

    Snapshot snapshot() {
        Map<String, String> names = javaThreadNames();
        Map<String, Long> ticks = new HashMap<>();
        Map<String, String> group = new HashMap<>();
        Map<String, String> threadName = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String tid = task.getFileName().toString();
                Optional<Long> t = ticks(task.resolve("stat"));
                if (t.isPresent()) {
                    ticks.put(tid, t.get());
                    String name = names.getOrDefault(tid, read(task.resolve("comm")).strip());
                    group.put(tid, groupOf(name));
                    threadName.put(tid, name.replaceAll("\\d+", "N"));
                }
            }
        } catch (IOException e) {
            return new Snapshot(System.nanoTime(), Map.of(), Map.of(), Map.of());
        }
        ProcessHandle.current().descendants().forEach(p -> {
            String command = p.info().command().orElse("");
            String kind = command.contains("mariadbd") || command.contains("mysqld") ? "MariaDB (process)"
                    : command.contains("redis-server") ? "Redis (process)" : null;
            if (kind != null) {
                ticks(Path.of("/proc", Long.toString(p.pid()), "stat")).ifPresent(t -> {
                    ticks.put("p" + p.pid(), t);
                    group.put("p" + p.pid(), kind);
                });
            }
        });
        return new Snapshot(System.nanoTime(), ticks, group, threadName);
    }

    /** CPU per group between two snapshots, in percent of one core, largest first (threads gone meanwhile are lost). */
    static Map<String, Double> between(Snapshot from, Snapshot to) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        Map<String, Double> byGroup = new HashMap<>();
        to.ticks().forEach((id, ticks) -> {
            long used = ticks - from.ticks().getOrDefault(id, 0L);
            if (used > 0) {
                byGroup.merge(to.group().get(id), 100 * used / TICKS_PER_SECOND / seconds, Double::sum);
            }
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /**
     * What the threads no rule places ("other") are, by name with their numbers as N, the largest {@code limit}; the
     * shares are of one core, as in {@link #between}.
     */
    static Map<String, Double> unplaced(Snapshot from, Snapshot to, int limit) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        Map<String, Double> byName = new HashMap<>();
        to.ticks().forEach((id, ticks) -> {
            long used = ticks - from.ticks().getOrDefault(id, 0L);
            if (used > 0 && "other".equals(to.group().get(id))) {
                byName.merge(to.name().getOrDefault(id, "?"), 100 * used / TICKS_PER_SECOND / seconds, Double::sum);
            }
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        byName.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(limit)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The service (or part of the stack) a thread of this JVM works for, by its name. */
    String groupOf(String thread) {
        Matcher tomcat = TOMCAT.matcher(thread);
        if (tomcat.find()) {
            return serviceOfPort.getOrDefault(Integer.parseInt(tomcat.group(1)), "other") + " (HTTP)";
        }
        String lower = thread.toLowerCase();
        for (String service : SERVICES) {
            if (lower.contains(service)) {
                return service;
            }
        }
        for (var rule : RULES) {
            if (rule.getKey().stream().anyMatch(lower::contains)) {
                return rule.getValue();
            }
        }
        return "other";
    }

    private static final List<String> SERVICES = List.of("order-api", "seat-allocator", "payment-listener",
            "expiry-worker", "box-office");

    private static final List<Map.Entry<List<String>, String>> RULES = List.of(
            Map.entry(List.of("compilerthre"), "JIT compilers"),
            Map.entry(List.of("gc thread", "g1 ", "g1_", "gc_", "vm thread", "vm periodic"), "GC and VM"),
            Map.entry(List.of("debezium", "blc-", "binlog", "outbox-relay"), "outbox relay (Debezium)"),
            Map.entry(List.of("rate-limit", "catalog-import"), "order-api"),
            Map.entry(List.of("payment-orders", "payment-refunds"), "payment-listener"),
            Map.entry(List.of("kafka-producer", "kafka-coordinator", "kafka-consumer", "consumer-", "producer-"),
                    "Kafka clients (unnamed)"),
            Map.entry(List.of("data-plane", "kafka-request-handler", "group-coordinator", "broker", "raft", "controller",
                    "kafka", "replica", "log-cleaner", "share-coordinator", "transaction"), "Kafka broker"),
            Map.entry(List.of("redisson", "netty"), "Redisson"),
            Map.entry(List.of("gateway", "simulator"), "gateway simulator"),
            Map.entry(List.of("bench", "httpclient"), "bench (load and measurement)"),
            Map.entry(List.of("forkjoinpool"), "virtual-thread carriers (mostly the bench's customers)"),
            Map.entry(List.of("hikari", "mariadb"), "JDBC pools"));

    /** Kernel thread id → Java thread name, from the JVM's own thread dump. */
    private static Map<String, String> javaThreadNames() {
        Map<String, String> names = new HashMap<>();
        try {
            String dump = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "threadPrint",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            for (String line : dump.split("\n")) {
                Matcher m = DUMP_LINE.matcher(line);
                if (m.find()) {
                    String nid = m.group(2);
                    names.put(Long.toString(nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16)
                            : Long.parseLong(nid)), m.group(1));
                }
            }
        } catch (Exception e) {
            // without the dump, comm's short names are used
        }
        return names;
    }

    private static Optional<Long> ticks(Path stat) {
        String line = read(stat);
        int end = line.lastIndexOf(')');
        if (end < 0) {
            return Optional.empty();
        }
        String[] fields = line.substring(end + 2).split(" ");
        // after "pid (comm) ": state is field 3 of stat, utime 14 and stime 15
        return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
