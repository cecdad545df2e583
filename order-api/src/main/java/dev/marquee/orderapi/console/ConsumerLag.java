package dev.marquee.orderapi.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Service;

/**
 * How far behind each consumer group is, now: the records between its committed offsets and the ends of its
 * partitions. The console samples it every few seconds and draws the history. The pages' own per-instance seat-map
 * groups and the re-drive bookmarks are not services' groups and are left out.
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
        try (Admin admin = Admin.create(clients.with(Map.of()))) {
            List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                    .filter(g -> !g.startsWith("order-api-seat-map-") && !g.startsWith("marquee-redrive."))
                    .sorted().toList();
            List<GroupLag> lags = new ArrayList<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                        latest.isEmpty() ? Map.of() : admin.listOffsets(latest).all().get();
                long lag = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                        lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
                lags.add(new GroupLag(group, lag, committed.size()));
            }
            return lags;
        }
    }
}
