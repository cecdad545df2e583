package dev.marquee.orderapi.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Service;

/**
 * How far behind each consumer group is, now: the records between its committed offsets and the ends of its
 * partitions, asked in three requests however many groups there are (the groups, all their offsets, all the ends).
 * {@link LagHistory} samples it every few seconds for the console, which draws the history. The pages' own
 * per-instance seat-map groups and the re-drive bookmarks are not services' groups and are left out.
 */
@Service
public class ConsumerLag {

    public record GroupLag(String group, long lag, int partitions) {
    }

    private final KafkaClients clients;

    ConsumerLag(KafkaClients clients) {
        this.clients = clients;
    }

    public List<GroupLag> now() throws Exception {
        // bounded: a broker away must not hold the sampling thread for long
        try (Admin admin = Admin.create(clients.with(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000)))) {
            List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                    .filter(g -> !g.startsWith("order-api-seat-map-") && !g.startsWith("marquee-redrive."))
                    .sorted().toList();
            if (groups.isEmpty()) {
                return List.of();
            }
            ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(groups.stream()
                    .collect(Collectors.toMap(Function.identity(), g -> new ListConsumerGroupOffsetsSpec())));
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            for (String group : groups) {
                try {
                    committed.put(group, offsets.partitionsToOffsetAndMetadata(group).get());
                } catch (ExecutionException gone) {
                    // the group went away (or its coordinator moved) between the two questions: left out this time
                }
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.values().forEach(c -> c.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = new HashMap<>();
            ListOffsetsResult answered = latest.isEmpty() ? null : admin.listOffsets(latest);
            for (TopicPartition partition : latest.keySet()) {
                try {
                    ends.put(partition, answered.partitionResult(partition).get());
                } catch (ExecutionException gone) {
                    // a topic deleted since the group committed to it: nothing to be behind on
                }
            }
            List<GroupLag> lags = new ArrayList<>();
            for (String group : groups) {
                if (committed.containsKey(group)) {
                    lags.add(new GroupLag(group, behind(committed.get(group), ends), committed.get(group).size()));
                }
            }
            return lags;
        }
    }

    private static long behind(Map<TopicPartition, OffsetAndMetadata> committed,
                               Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends) {
        long lag = 0;
        for (var entry : committed.entrySet()) {
            if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
            }
        }
        return lag;
    }
}
