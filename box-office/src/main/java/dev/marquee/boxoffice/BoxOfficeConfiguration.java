package dev.marquee.boxoffice;

import javax.sql.DataSource;

import dev.marquee.boxoffice.persistence.BoxOfficeSchema;
import dev.marquee.boxoffice.persistence.Catalog;
import dev.marquee.boxoffice.persistence.LiveFigures;
import dev.marquee.boxoffice.persistence.LiveProjection;
import dev.marquee.boxoffice.persistence.ProjectionStore;
import dev.marquee.boxoffice.persistence.ProjectionTables;
import dev.marquee.boxoffice.rebuild.BoxOfficeRebuild;
import dev.marquee.boxoffice.rebuild.LiveConsumer;
import dev.marquee.boxoffice.rebuild.SetAsideRecords;
import dev.marquee.boxoffice.replay.ReplaySource;
import dev.marquee.schemas.Topics;
import dev.marquee.support.RetryingConsumers;
import org.apache.kafka.common.TopicPartition;
import dev.marquee.support.SchemaRegistryProperties;
import dev.marquee.support.TopicProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BoxOfficeProperties.class)
class BoxOfficeConfiguration {

    /** Where a catalog event the box office's copy cannot take goes, with its cause (same partition). */
    static final String CATALOG_DEAD_LETTERS = "box-office-catalog-dlt";

    @Bean
    ProjectionStore liveProjectionStore(DataSource dataSource, JdbcTemplate jdbc) {
        BoxOfficeSchema.migrate(dataSource);
        return new ProjectionStore(jdbc, ProjectionTables.LIVE);
    }

    @Bean
    LiveProjection liveProjection(ProjectionStore liveProjectionStore, TransactionTemplate tx,
                                  BoxOfficeProperties properties) {
        return new LiveProjection(liveProjectionStore, tx, properties.zoneId());
    }

    /** Takes the live store only so that the tables are migrated before the first query. */
    @Bean
    LiveFigures liveFigures(JdbcTemplate jdbc, ProjectionStore liveProjectionStore) {
        return new LiveFigures(jdbc);
    }

    /** Takes the live store only so that the tables are migrated before the first query. */
    @Bean
    Catalog catalog(JdbcTemplate jdbc, ProjectionStore liveProjectionStore) {
        return new Catalog(jdbc);
    }

    /** Takes the live store only so that the tables are migrated before the first rebuild. */
    @Bean
    BoxOfficeRebuild boxOfficeRebuild(DataSource dataSource, ProjectionStore liveProjectionStore,
                                      BoxOfficeProperties properties, LiveConsumer liveConsumer,
                                      @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                                      SchemaRegistryProperties registry) {
        return new BoxOfficeRebuild(dataSource, new ReplaySource(bootstrapServers, registry.url()),
                properties.zoneId(), liveConsumer);
    }

    /**
     * The projection's: a batch that fails transiently (the database unavailable, a deadlock) rolled back with its
     * offsets and is retried with backoff until it succeeds. The listener itself sets aside a record that fails for
     * good, so nothing else reaches this handler. The catalog listener has its own ({@code catalogListenerFactory}).
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler() {
        return RetryingConsumers.untilTheySucceed();
    }

    /**
     * The catalog listener's containers: configured as Boot configures the others, but a catalog event that fails
     * for good is tried {@value RetryingConsumers#PERMANENT_TRIES} times and then dead-lettered to
     * {@value #CATALOG_DEAD_LETTERS}, like every other service's consumers; a transient failure is retried until it
     * passes. (The projection's own listener sets aside in box-office-dlt itself, which the rebuild reads.)
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> catalogListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            ProducerFactory<?, ?> producers, KafkaTemplate<String, Object> kafka) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setCommonErrorHandler(RetryingConsumers.withDeadLetters(producers, kafka,
                (record, e) -> new TopicPartition(CATALOG_DEAD_LETTERS, record.partition())));
        return factory;
    }

    @Bean
    KafkaAdmin.NewTopics topics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(Topics.declarations(topics.partitions(), topics.replicationFactor(),
                Topics.ORDER_EVENTS, Topics.SEAT_EVENTS, Topics.CATALOG_EVENTS, SetAsideRecords.TOPIC, CATALOG_DEAD_LETTERS));
    }
}
