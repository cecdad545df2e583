package dev.marquee.relay;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * outbox-relay: sends order-api's outbox to Kafka. order-api writes each event into its {@code outbox} table in the
 * transaction that causes it; this service reads the rows from MariaDB's binlog with Debezium's embedded engine
 * (the outbox EventRouter: topic column → topic, aggregateid → key, payload → value) and commits the binlog position
 * only after Kafka acknowledged, as production deployments run Debezium apart from the application whose outbox
 * it relays. Any number of instances may run: one, elected through a Redis lock, relays; the others stand by. It
 * needs the binlog (a replication account), Kafka, Redis and the schema registry (for the relay lag), never
 * order-api's database account; order-api owns and migrates the table, and purges old rows.
 */
@SpringBootApplication
public class OutboxRelayApplication {

    /** The application with its own configuration file ({@code outbox-relay.yml}), so services can share a JVM. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(OutboxRelayApplication.class).properties("spring.config.name=outbox-relay");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
