package dev.marquee.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.marquee.stack.EmbeddedStack;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * A relay whose CDC account is refused (the password changed on one side only) is not healthy: its engine fails to
 * start and waits to restart, and its health says so, where it used to report healthy while relaying nothing. With
 * the right password the same relay is up and connected.
 */
class OutboxRelayHealthIT {

    @Test
    void aRelayTheDatabaseRefusesIsDownAndOneItAcceptsIsUp() throws Exception {
        EmbeddedStack stack = EmbeddedStack.shared();
        Map<String, String> p = stack.properties();
        Flyway.configure().dataSource(stack.jdbcUrl(), stack.credentials().appUser(), stack.credentials().appPassword())
                .locations(OrderApiSchema.LOCATION).table("flyway_history_order_api").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();

        try (OutboxRelay refused = relay(stack, p.get("marquee.cdc.password") + "-changed", 5611)) {
            refused.start();
            // whether Debezium gives up at once (the engine restarts later) or retries the sign-in itself, the
            // relay never runs: down all along, as starting or restarting
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(30))
                    .until(() -> refused.health().getStatus().equals(Status.DOWN));
            Health health = refused.health();
            assertThat(health.getDetails().get("relay")).isIn("starting", "restarting");
            assertThat(health.getDetails()).doesNotContainKey("binlog");
        }
        try (OutboxRelay accepted = relay(stack, p.get("marquee.cdc.password"), 5612)) {
            accepted.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.health().getStatus().equals(Status.UP));
            assertThat(accepted.health().getDetails()).containsEntry("relay", "running")
                    .containsEntry("binlog", "connected");
        }
    }

    private static OutboxRelay relay(EmbeddedStack stack, String password, int serverId) {
        Map<String, String> p = stack.properties();
        String run = UUID.randomUUID().toString();
        return new OutboxRelay(OutboxConnectorConfig.of(
                new CdcProperties(p.get("marquee.cdc.hostname"), Integer.parseInt(p.get("marquee.cdc.port")),
                        p.get("marquee.cdc.database"), p.get("marquee.cdc.user"), password),
                new OutboxRelayProperties(serverId, Duration.ofMillis(10), 16, Duration.ofSeconds(1),
                        "relay-health-offsets-" + run, "relay-health-history-" + run, Duration.ofSeconds(5),
                        Duration.ofSeconds(1), Duration.ofSeconds(10)),
                stack.kafkaBootstrapServers(), 1), RelayKafka.of(stack), 60_000);
    }
}
