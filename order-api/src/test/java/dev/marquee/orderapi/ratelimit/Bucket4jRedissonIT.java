package dev.marquee.orderapi.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.marquee.stack.EmbeddedStack;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.redisson.Bucket4jRedisson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.config.Config;

/**
 * Bucket4j 8.17's Redisson proxy (built against Redisson 3.x) on our Redisson 4.7: it works, and this measures it
 * against our Lua buckets ({@link RedisTokenBucketsIT#costPerCheck}) for the choice recorded in RedisTokenBuckets.
 */
class Bucket4jRedissonIT {

    static Redisson redisson;
    static ProxyManager<String> buckets;

    @BeforeAll
    static void start() {
        Config config = new Config();
        config.useSingleServer().setAddress(EmbeddedStack.shared().redisAddress());
        redisson = (Redisson) Redisson.create(config);
        buckets = Bucket4jRedisson.casBasedBuilder(redisson.getCommandExecutor())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
    }

    @AfterAll
    static void stop() {
        redisson.shutdown();
    }

    @Test
    void itWorksOnRedisson4AndHoldsTheLimitUnderARace() throws Exception {
        BucketConfiguration limit = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(50).refillGreedy(1, Duration.ofHours(1))).build();
        String key = "it:b4j:" + UUID.randomUUID();
        List<Callable<Integer>> racers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            racers.add(() -> {
                BucketProxy bucket = buckets.builder().build(key, () -> limit);
                int allowed = 0;
                for (int i = 0; i < 40; i++) {
                    allowed += bucket.tryConsume(1) ? 1 : 0;
                }
                return allowed;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int allowed = 0;
        for (Future<Integer> f : pool.invokeAll(racers)) {
            allowed += f.get();
        }
        pool.shutdown();
        ConsumptionProbe refused = buckets.builder().build(key, () -> limit).tryConsumeAndReturnRemaining(1);

        assertThat(allowed).isEqualTo(50);
        assertThat(refused.isConsumed()).isFalse();
        assertThat(refused.getNanosToWaitForRefill()).isPositive();
    }

    @Test
    void costPerCheck() throws Exception {
        BucketConfiguration roomy = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(1_000_000).refillGreedy(1_000_000, Duration.ofSeconds(1))).build();
        for (int i = 0; i < 2_000; i++) {
            buckets.builder().build("it:b4j:warm:" + (i % 100), () -> roomy).tryConsume(1);
        }
        int n = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertThat(buckets.builder().build("it:b4j:user:" + (i % 1000), () -> roomy).tryConsume(1)).isTrue();
        }
        long one = System.nanoTime() - start;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(() -> {
                BucketProxy hot = buckets.builder().build("it:b4j:screening:hot8", () -> roomy);
                for (int i = 0; i < n / 8; i++) {
                    hot.tryConsume(1);
                }
                return n / 8;
            });
        }
        start = System.nanoTime();
        int done = 0;
        for (Future<Integer> f : pool.invokeAll(threads)) {
            done += f.get();
        }
        long hot = System.nanoTime() - start;
        pool.shutdown();
        System.out.printf("rate-limit cost (Bucket4j CAS): one bucket %.1f us/check, 8 threads on one key"
                + " %.0f checks/s%n", one / 1000.0 / n, done / (hot / 1e9));
        assertThat(done).isEqualTo(n);
    }
}
