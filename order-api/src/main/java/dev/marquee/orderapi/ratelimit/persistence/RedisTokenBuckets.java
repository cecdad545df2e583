package dev.marquee.orderapi.ratelimit.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.marquee.orderapi.ratelimit.TokenBuckets;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Token buckets as Redis hashes ({@code t}: tokens left, {@code at}: when, by Redis' own clock), drawn by one Lua
 * script: every bucket of a request in one round trip, atomically, all or none. Chosen over Bucket4j's Redisson
 * proxy (which works with Redisson 4.7, see Bucket4jRedissonIT) because that one is compare-and-swap: two round
 * trips per bucket, retried under contention, and a flash sale's per-screening bucket is exactly such a hot key.
 * A bucket idle long enough to be full again expires. The keys of one request must live on one Redis node (one
 * server or a sentinel group, as deployed; a Redis Cluster would need them hash-tagged together).
 */
public final class RedisTokenBuckets implements TokenBuckets {

    static final String SCRIPT = """
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            local levels = {}
            local worst, worstWait = 0, 0
            for i = 1, #KEYS do
              local capacity, refill, period = tonumber(ARGV[3*i-2]), tonumber(ARGV[3*i-1]), tonumber(ARGV[3*i])
              local state = redis.call('HMGET', KEYS[i], 't', 'at')
              local level, at = tonumber(state[1]), tonumber(state[2])
              if level == nil or at == nil then level = capacity; at = now end
              if now > at then level = math.min(capacity, level + (now - at) * refill / period) end
              levels[i] = level
              if level < 1 then
                local wait = math.ceil((1 - level) * period / refill)
                if wait > worstWait then worst = i; worstWait = wait end
              end
            end
            if worst > 0 then return {worst, worstWait} end
            for i = 1, #KEYS do
              local capacity, refill, period = tonumber(ARGV[3*i-2]), tonumber(ARGV[3*i-1]), tonumber(ARGV[3*i])
              redis.call('HSET', KEYS[i], 't', tostring(levels[i] - 1), 'at', now)
              redis.call('PEXPIRE', KEYS[i], math.ceil(capacity * period / refill) + 1000)
            end
            return {0, 0}
            """;

    private final RScript script;

    public RedisTokenBuckets(RedissonClient redisson) {
        this.script = redisson.getScript(StringCodec.INSTANCE);
    }

    @Override
    public Optional<Empty> take(List<Draw> draws, Duration timeout) {
        List<Object> keys = new ArrayList<>(draws.size());
        List<Object> args = new ArrayList<>(draws.size() * 3);
        for (Draw draw : draws) {
            keys.add(draw.key());
            args.add(draw.limit().capacity());
            args.add(draw.limit().refill());
            args.add(draw.limit().period().toMillis());
        }
        RFuture<List<Long>> answer = script.evalAsync(draws.get(0).key(), RScript.Mode.READ_WRITE, SCRIPT,
                RScript.ReturnType.LIST, keys, args.toArray());
        List<Long> result = await(answer, timeout);
        int empty = result.get(0).intValue();
        return empty == 0 ? Optional.empty() : Optional.of(new Empty(empty - 1, Duration.ofMillis(result.get(1))));
    }

    private static List<Long> await(RFuture<List<Long>> answer, Duration timeout) {
        try {
            return answer.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw new IllegalStateException("Redis did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Redis failed the rate-limit script", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Redis", e);
        }
    }
}
