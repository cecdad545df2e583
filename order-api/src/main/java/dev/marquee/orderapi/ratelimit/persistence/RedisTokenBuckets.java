package dev.marquee.orderapi.ratelimit.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.marquee.orderapi.ratelimit.TokenBuckets;
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

    /** Debits: ARGV is capacity, refill, period and tokens per key; answers {index, wait} for each empty bucket. */
    static final String DEBIT_SCRIPT = """
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            local empties = {}
            for i = 1, #KEYS do
              local capacity, refill, period = tonumber(ARGV[4*i-3]), tonumber(ARGV[4*i-2]), tonumber(ARGV[4*i-1])
              local spent = tonumber(ARGV[4*i])
              local state = redis.call('HMGET', KEYS[i], 't', 'at')
              local level, at = tonumber(state[1]), tonumber(state[2])
              if level == nil or at == nil then level = capacity; at = now end
              if now > at then level = math.min(capacity, level + (now - at) * refill / period) end
              level = math.max(0, level - spent)
              redis.call('HSET', KEYS[i], 't', tostring(level), 'at', now)
              redis.call('PEXPIRE', KEYS[i], math.ceil(capacity * period / refill) + 1000)
              if level < 1 then
                empties[#empties + 1] = i
                empties[#empties + 1] = math.ceil((1 - level) * period / refill)
              end
            end
            return empties
            """;

    /** The script's SHA-1, by which Redis knows it once it ran (or was loaded) there. */
    public static final String SHA = sha1(SCRIPT);
    static final String DEBIT_SHA = sha1(DEBIT_SCRIPT);

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
        List<Long> result = await(run(draws.get(0).key(), SHA, SCRIPT, keys, args), timeout);
        int empty = result.get(0).intValue();
        return empty == 0 ? Optional.empty() : Optional.of(new Empty(empty - 1, Duration.ofMillis(result.get(1))));
    }

    @Override
    public List<Empty> debit(List<Debit> debits, Duration timeout) {
        if (debits.isEmpty()) {
            return List.of();
        }
        List<Object> keys = new ArrayList<>(debits.size());
        List<Object> args = new ArrayList<>(debits.size() * 4);
        for (Debit debit : debits) {
            keys.add(debit.key());
            args.add(debit.limit().capacity());
            args.add(debit.limit().refill());
            args.add(debit.limit().period().toMillis());
            args.add(debit.tokens());
        }
        List<Long> result = await(run(debits.get(0).key(), DEBIT_SHA, DEBIT_SCRIPT, keys, args), timeout);
        List<Empty> empties = new ArrayList<>(result.size() / 2);
        for (int i = 0; i + 1 < result.size(); i += 2) {
            empties.add(new Empty(result.get(i).intValue() - 1, Duration.ofMillis(result.get(i + 1))));
        }
        return empties;
    }

    /**
     * EVALSHA, not EVAL: the script's kilobyte is neither sent nor hashed by Redis on every request. A Redis that
     * does not know it (restarted, flushed, a new primary) answers NOSCRIPT, and the script is sent once more.
     */
    private CompletableFuture<List<Long>> run(String routing, String sha, String text, List<Object> keys,
                                              List<Object> args) {
        Object[] values = args.toArray();
        return script.<List<Long>>evalShaAsync(routing, RScript.Mode.READ_WRITE, sha, RScript.ReturnType.LIST,
                        keys, values).toCompletableFuture()
                .exceptionallyCompose(failure -> unknownScript(failure)
                        ? script.<List<Long>>evalAsync(routing, RScript.Mode.READ_WRITE, text,
                                RScript.ReturnType.LIST, keys, values).toCompletableFuture()
                        : CompletableFuture.failedFuture(failure));
    }

    private static boolean unknownScript(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getMessage() != null && cause.getMessage().contains("NOSCRIPT");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    private static List<Long> await(CompletableFuture<List<Long>> answer, Duration timeout) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
