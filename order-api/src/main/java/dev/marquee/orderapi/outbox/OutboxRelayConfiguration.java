package dev.marquee.orderapi.outbox;

import java.util.HashMap;
import java.util.Map;

import dev.marquee.support.SchemaRegistryProperties;
import dev.marquee.support.TopicProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.redisson.api.RedissonClient;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OutboxRelayProperties.class, CdcProperties.class})
class OutboxRelayConfiguration {

    @Bean
    @ConditionalOnProperty(name = "marquee.outbox.relay.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay relay(CdcProperties cdc, OutboxRelayProperties relay, ProducerFactory<?, ?> producers,
                      TopicProperties topics, SchemaRegistryProperties registry, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        String bootstrap = String.valueOf(config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG))
                .replaceAll("[\\[\\] ]", "");
        return new OutboxRelay(OutboxConnectorConfig.of(cdc, relay, bootstrap, topics.replicationFactor()), kafka,
                relay.restartDelay().toMillis(), RelayLag.measured(registry.url(), meters));
    }

    /**
     * The relay lock is order-api's only lock kept by Redisson's watchdog (hall locks have leases of their own): its
     * timeout is how long every order waits for a new relay after a leader died (bench chaos: the default 30 s
     * stopped all decisions for 30-34 s), so it is {@code marquee.outbox.relay.leader-lease} (10 s), renewed every
     * third of it.
     */
    @Bean
    RedissonAutoConfigurationCustomizer relayLockWatchdog(OutboxRelayProperties properties) {
        return config -> config.setLockWatchdogTimeout(properties.leaderLease().toMillis());
    }

    /**
     * Only the elected instance relays; the gauge {@code marquee_outbox_relay_leader} and the health component
     * {@code outboxRelay} say which role this one has.
     */
    @Bean
    @ConditionalOnProperty(name = "marquee.outbox.relay.enabled", havingValue = "true", matchIfMissing = true)
    RelayLeadership outboxRelay(RedissonClient redisson, OutboxRelay relay, OutboxRelayProperties properties,
                                MeterRegistry meters) {
        return new RelayLeadership(redisson, relay, properties.checkInterval(), meters);
    }
}
