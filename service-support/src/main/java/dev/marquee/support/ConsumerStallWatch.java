package dev.marquee.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * Looks every {@code marquee.consumer-stall.check-interval} (5 s) at the consumer groups of this service's listener
 * containers (those of {@code @KafkaListener} and those declared as beans): where each has committed and where its
 * partitions end. Exports per group {@code marquee_consumer_stalled_seconds}, how long records have waited while
 * the group's offset did not move (0 when nothing waits or it moves: {@link ConsumerStalls}), and
 * {@code marquee_consumer_lag_records}. A record that keeps failing transiently is retried for ever and holds its
 * partition (nothing accepted may be skipped): this gauge is how an operator, {@code marquee status} and the alert
 * rules in {@code deploy/prometheus/} see it. A container paused on purpose (box-office's rebuild) does not count
 * as stalled while paused.
 */
final class ConsumerStallWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerStallWatch.class);
    private static final long ASK_SECONDS = 10;

    private final ListableBeanFactory beans;
    private final ObjectProvider<KafkaListenerEndpointRegistry> registry;
    private final ObjectProvider<KafkaAdmin> kafkaAdmin;
    private final ObjectProvider<MeterRegistry> meters;
    private final Duration interval;
    private final ConsumerStalls stalls = new ConsumerStalls();
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    /** Groups with a container paused on purpose at the last look. */
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService schedule;
    private Admin admin;

    ConsumerStallWatch(ListableBeanFactory beans, ObjectProvider<KafkaListenerEndpointRegistry> registry,
                       ObjectProvider<KafkaAdmin> kafkaAdmin, ObjectProvider<MeterRegistry> meters, Duration interval) {
        this.beans = beans;
        this.registry = registry;
        this.kafkaAdmin = kafkaAdmin;
        this.meters = meters;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        KafkaAdmin config = kafkaAdmin.getIfAvailable();
        if (config == null || meters.getIfAvailable() == null || schedule != null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>(config.getConfigurationProperties());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        admin = Admin.create(properties);
        schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("consumer-stall-watch")
                .daemon().factory());
        schedule.scheduleWithFixedDelay(this::look, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            admin.close(Duration.ofSeconds(1));
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }

    /** One look at every group; a failure (Kafka away) leaves the figures as they were until the next look. */
    private void look() {
        try {
            Map<String, Set<String>> groups = groups();
            stalls.retain(groups.keySet());
            groups.forEach((group, topics) -> {
                try {
                    observe(group, topics);
                } catch (Exception e) {
                    log.debug("Could not look at consumer group {}: {}", group, e.toString());
                }
            });
        } catch (RuntimeException e) {
            log.debug("Could not list the listener containers: {}", e.toString());
        }
    }

    /** Consumer groups of this service's listener containers, with the topics each consumes. */
    private Map<String, Set<String>> groups() {
        Set<MessageListenerContainer> containers = Collections.newSetFromMap(new IdentityHashMap<>());
        paused.clear();
        KafkaListenerEndpointRegistry listeners = registry.getIfAvailable();
        if (listeners != null) {
            containers.addAll(listeners.getListenerContainers());
        }
        containers.addAll(beans.getBeansOfType(MessageListenerContainer.class, false, false).values());
        Map<String, Set<String>> groups = new TreeMap<>();
        for (MessageListenerContainer container : containers) {
            String group = container.getGroupId();
            if (group != null) {
                groups.computeIfAbsent(group, g -> new TreeSet<>()).addAll(topics(container));
                if (container.isPauseRequested()) {
                    paused.add(group);
                }
            }
        }
        return groups;
    }

    private static Set<String> topics(MessageListenerContainer container) {
        String[] topics = container.getContainerProperties().getTopics();
        if (topics != null) {
            return Set.of(topics);
        }
        TopicPartitionOffset[] partitions = container.getContainerProperties().getTopicPartitions();
        return partitions == null ? Set.of() : Arrays.stream(partitions).map(TopicPartitionOffset::getTopic)
                .collect(Collectors.toSet());
    }

    private void observe(String group, Set<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(ASK_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(ASK_SECONDS, TimeUnit.SECONDS).forEach((topic, d) ->
                d.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, OffsetSpec> neverCommitted = latest.keySet().stream()
                .filter(tp -> committed.get(tp) == null).collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest()));
        Map<TopicPartition, Long> ends = offsets(latest);
        Map<TopicPartition, Long> positions = neverCommitted.isEmpty() ? new HashMap<>() : offsets(neverCommitted);
        committed.forEach((tp, at) -> {
            if (at != null) {
                positions.put(tp, at.offset());
            }
        });
        stalls.observe(group, positions, ends, System.nanoTime(), paused.contains(group));
        if (gauged.add(group)) {
            MeterRegistry registry = meters.getObject();
            Gauge.builder("marquee.consumer.stalled", stalls, s -> s.stalledSeconds(group)).baseUnit("seconds")
                    .tag("group", group).description("how long records have waited while the group's offset did not move")
                    .register(registry);
            Gauge.builder("marquee.consumer.lag", stalls, s -> s.lag(group)).baseUnit("records").tag("group", group)
                    .description("records after the group's committed offsets").register(registry);
        }
    }

    private Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetSpec> specs) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(specs).all().get(ASK_SECONDS, TimeUnit.SECONDS)
                .forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }
}
