package dev.marquee.launcher.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What Kafka says about the services' consumer groups: who owns a partition, and how far each group lags. */
final class GroupProbe implements AutoCloseable {

    private final Admin admin;

    GroupProbe(String bootstrap) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "request.timeout.ms", 10_000,
                "default.api.timeout.ms", 15_000));
    }

    /** The client id of the group member that has the partition, if any has it. */
    Optional<String> ownerOf(String group, TopicPartition partition) throws Exception {
        Collection<MemberDescription> members = admin.describeConsumerGroups(java.util.List.of(group)).all()
                .get(15, TimeUnit.SECONDS).get(group).members();
        return members.stream().filter(m -> m.assignment().topicPartitions().contains(partition))
                .map(MemberDescription::clientId).findFirst();
    }

    /** Records not yet consumed (committed) by the group, per partition it has committed on. */
    Map<TopicPartition, Long> lag(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(15, TimeUnit.SECONDS);
        Map<TopicPartition, Long> lag = new HashMap<>();
        committed.forEach((tp, offset) -> {
            if (offset != null) {
                lag.put(tp, Math.max(0, ends.get(tp).offset() - offset.offset()));
            }
        });
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
