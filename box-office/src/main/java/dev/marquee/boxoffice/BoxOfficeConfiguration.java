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
import dev.marquee.support.DemoDataProperties;
import dev.marquee.support.RetryingConsumers;
import dev.marquee.support.SchemaRegistryProperties;
import dev.marquee.support.TopicProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BoxOfficeProperties.class)
class BoxOfficeConfiguration {

    @Bean
    ProjectionStore liveProjectionStore(DataSource dataSource, JdbcTemplate jdbc,
                                        DemoDataProperties demo) {
        BoxOfficeSchema.migrate(dataSource, demo.demoData());
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
     * A batch that fails transiently (the database unavailable, a deadlock) rolled back with its offsets and is
     * retried with backoff until it succeeds. The listener itself sets aside a record that fails for good, so
     * nothing else reaches this handler.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler() {
        return RetryingConsumers.untilTheySucceed();
    }

    @Bean
    KafkaAdmin.NewTopics topics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(Topics.declarations(topics.partitions(), topics.replicationFactor(),
                Topics.ORDER_EVENTS, Topics.SEAT_EVENTS, Topics.CATALOG_EVENTS, SetAsideRecords.TOPIC));
    }
}
