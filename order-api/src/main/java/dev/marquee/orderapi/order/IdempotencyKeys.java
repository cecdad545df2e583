package dev.marquee.orderapi.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of order submission, scoped to the customer and kept {@code marquee.orders.idempotency-ttl}
 * (default 24 h). Claimed inside the order's transaction: a concurrent retry with the same key waits on the row
 * lock until the first commits (then gets its order) or rolls back (then proceeds as the first).
 */
@Component
class IdempotencyKeys implements SchedulingConfigurer {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Duration purgeInterval;

    IdempotencyKeys(JdbcClient jdbc, Clock clock, OrderProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = properties.idempotencyTtl();
        this.purgeInterval = properties.idempotencyPurgeInterval();
    }

    /**
     * The order an identical earlier request under this key made, if any, read without a transaction; a
     * different request under the key is refused. {@link #claim} still decides, inside the order's transaction.
     */
    Optional<String> earlier(PlaceOrder command) {
        String hash = sha256(command.fingerprint());
        return jdbc.sql("SELECT request_hash, order_id FROM idempotency_key WHERE customer_id = ? AND idem_key = ?")
                .params(command.customerId(), command.idempotencyKey())
                .query((rs, n) -> new Earlier(rs.getString(1), rs.getString(2))).optional()
                .map(earlier -> {
                    if (!earlier.hash().equals(hash)) {
                        throw new IdempotencyKeyReusedException(command.idempotencyKey(), earlier.orderId());
                    }
                    return earlier.orderId();
                });
    }

    /** Records that this key now names {@code orderId}; or answers the order an identical earlier request made. */
    Optional<String> claim(PlaceOrder command, String orderId, Instant now) {
        String hash = sha256(command.fingerprint());
        try {
            jdbc.sql("INSERT INTO idempotency_key (customer_id, idem_key, request_hash, order_id, created_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(command.customerId(), command.idempotencyKey(), hash, orderId, Timestamp.from(now))
                    .update();
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            Earlier earlier = jdbc.sql("SELECT request_hash, order_id FROM idempotency_key"
                            + " WHERE customer_id = ? AND idem_key = ? LOCK IN SHARE MODE")
                    .params(command.customerId(), command.idempotencyKey())
                    .query((rs, n) -> new Earlier(rs.getString(1), rs.getString(2))).single();
            if (!earlier.hash().equals(hash)) {
                throw new IdempotencyKeyReusedException(command.idempotencyKey(), earlier.orderId());
            }
            return Optional.of(earlier.orderId());
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::purgeExpired, purgeInterval, purgeInterval));
    }

    void purgeExpired() {
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ? LIMIT 10000")
                .param(Timestamp.from(clock.instant().minus(ttl))).update();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Earlier(String hash, String orderId) {
    }
}
