package dev.marquee.relay;

import java.util.HashMap;
import java.util.Map;

import dev.marquee.support.SchemaRegistryProperties;
import dev.marquee.support.TopicProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.redisson.api.RedissonClient;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OutboxRelayProperties.class, CdcProperties.class})
class OutboxRelayConfiguration {

    /**
     * The relay forwards the outbox's bytes as they are (already in the Confluent wire format), acknowledged by every
     * replica; a batch is sent and then waited for, so nothing is gained by lingering (Kafka 4's default is 5 ms a
     * batch).
     */
    @Bean
    OutboxRelay relay(CdcProperties cdc, OutboxRelayProperties relay, ProducerFactory<?, ?> producers,
                      TopicProperties topics, SchemaRegistryProperties registry, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        String bootstrap = String.valueOf(config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG))
                .replaceAll("[\\[\\] ]", "");
        return new OutboxRelay(OutboxConnectorConfig.of(cdc, relay, bootstrap, topics.replicationFactor()), kafka,
                relay.restartDelay().toMillis(), RelayLag.measured(registry.url(), meters));
    }

    /**
     * The relay lock is this service's only Redisson lock: its watchdog timeout is how long every order waits for a
     * new relay after a leader died (bench chaos: the default 30 s stopped all decisions for 30-34 s), so it is
     * {@code marquee.outbox.relay.leader-lease} (10 s), renewed every third of it.
     */
    @Bean
    RedissonAutoConfigurationCustomizer relayLockWatchdog(OutboxRelayProperties properties) {
        return config -> config.setLockWatchdogTimeout(properties.leaderLease().toMillis());
    }

    /**
     * Only the elected instance relays; the gauge {@code marquee_outbox_relay_leader} and the health component
     * {@code outboxRelay} (in readiness) say which role this one has, and whether the leader's relay runs.
     */
    @Bean
    RelayLeadership outboxRelay(RedissonClient redisson, OutboxRelay relay, OutboxRelayProperties properties,
                                MeterRegistry meters) {
        return new RelayLeadership(redisson, relay, properties.checkInterval(), meters);
    }
}
