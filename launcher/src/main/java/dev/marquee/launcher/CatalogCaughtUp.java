package dev.marquee.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.schemas.Topics;
import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until the services know the catalog: every catalog event in order-api's outbox is on {@code catalog-events}
 * and every group that keeps a copy of the catalog (allocator, payment-listener, box office) has committed the
 * topic's end on every partition. The demo catalog arrives by events only, so whoever orders right after an import
 * (tests, benches, the ready line) waits here first.
 */
final class CatalogCaughtUp {

    /** The catalog-events consumer groups, by the service they belong to. */
    private static final Map<String, String> GROUPS = Map.of("seat-allocator", "seat-allocator-catalog",
            "payment-listener", "payment-listener-catalog", "box-office", "box-office-catalog");

    private CatalogCaughtUp() {
    }

    static void await(EmbeddedStack stack, Duration timeout) {
        List<String> groups = List.of(Service.values()).stream().filter(Service::built)
                .map(s -> GROUPS.get(s.id())).filter(g -> g != null).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HikariDataSource db = stack.appDataSource(1);
             Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            JdbcClient jdbc = JdbcClient.create(db);
            String behind = "";
            while (System.nanoTime() < deadline) {
                behind = behind(jdbc, admin, groups);
                if (behind.isEmpty()) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the services did not read the catalog's events within " + timeout + ": "
                    + behind);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the catalog's events", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read catalog-events' offsets", e);
        }
    }

    /** What is not read yet, or "" when every event is read. */
    private static String behind(JdbcClient jdbc, Admin admin, List<String> groups)
            throws ExecutionException, InterruptedException {
        long written = jdbc.sql("SELECT COUNT(*) FROM outbox WHERE topic = ?").param(Topics.CATALOG_EVENTS)
                .query(Long.class).single();
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.CATALOG_EVENTS)).allTopicNames().get()
                .get(Topics.CATALOG_EVENTS).partitions().stream()
                .map(p -> new TopicPartition(Topics.CATALOG_EVENTS, p.partition())).toList();
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        long relayed = ends.values().stream().mapToLong(Long::longValue).sum();
        if (relayed < written) {
            return relayed + " of " + written + " catalog events relayed";
        }
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                long read = at == null ? 0 : at.offset();
                if (read < end.getValue()) {
                    return group + " at " + read + " of " + end.getValue() + " on " + end.getKey();
                }
            }
        }
        return "";
    }
}
