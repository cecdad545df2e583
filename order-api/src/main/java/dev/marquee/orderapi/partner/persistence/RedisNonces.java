package dev.marquee.orderapi.partner.persistence;

import java.time.Duration;

import dev.marquee.orderapi.partner.NonceStore;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Nonces in Redis, shared by every order-api instance: {@code SET key 1 NX PX ttl}, so of two instances given the
 * same request at the same moment exactly one accepts it. A Redis that cannot be reached fails the check (the
 * caller answers 503): accepting unrecorded nonces would let a captured request be replayed.
 */
public final class RedisNonces implements NonceStore {

    private final RedissonClient redisson;

    public RedisNonces(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public boolean firstUse(String appKey, String nonce, Duration keepFor) {
        return redisson.getBucket("marquee:partner-nonce:" + appKey + ":" + nonce, StringCodec.INSTANCE)
                .setIfAbsent("1", keepFor);
    }
}
