package dev.marquee.orderapi.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.marquee.orderapi.ratelimit.TokenBuckets.Debit;
import dev.marquee.orderapi.ratelimit.TokenBuckets.Draw;
import dev.marquee.orderapi.ratelimit.TokenBuckets.Empty;
import dev.marquee.orderapi.ratelimit.persistence.RedisTokenBuckets;
import dev.marquee.stack.EmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** The Lua token buckets on the embedded Redis, drawn by two clients as two order-api instances would. */
class RedisTokenBucketsIT {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static RedissonClient first;
    static RedissonClient second;

    @BeforeAll
    static void start() {
        String address = EmbeddedStack.shared().redisAddress();
        first = client(address);
        second = client(address);
    }

    @AfterAll
    static void stop() {
        first.shutdown();
        second.shutdown();
    }

    @Test
    void twoInstancesRacingForOneBucketTogetherGetItsCapacityAndNoMore() throws Exception {
        String key = "it:" + UUID.randomUUID();
        Limit limit = new Limit(50, 1, Duration.ofHours(1));
        List<Callable<Integer>> racers = new ArrayList<>();
        for (RedissonClient instance : List.of(first, second, first, second)) {
            RedisTokenBuckets buckets = new RedisTokenBuckets(instance);
            racers.add(() -> {
                int allowed = 0;
                for (int i = 0; i < 40; i++) {
                    allowed += buckets.take(List.of(new Draw(key, limit)), TIMEOUT).isEmpty() ? 1 : 0;
                }
                return allowed;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        int allowed = 0;
        for (Future<Integer> racer : pool.invokeAll(racers)) {
            allowed += racer.get();
        }
        pool.shutdown();

        assertThat(allowed).isEqualTo(50);
    }

    @Test
    void anEmptyBucketSaysWhenItHasATokenAgainAndRefillsSmoothly() throws Exception {
        RedisTokenBuckets buckets = new RedisTokenBuckets(first);
        Draw draw = new Draw("it:" + UUID.randomUUID(), new Limit(2, 10, Duration.ofSeconds(1)));

        assertThat(buckets.take(List.of(draw), TIMEOUT)).isEmpty();
        assertThat(buckets.take(List.of(draw), TIMEOUT)).isEmpty();
        Optional<Empty> empty = buckets.take(List.of(draw), TIMEOUT);

        assertThat(empty).get().extracting(Empty::index).isEqualTo(0);
        assertThat(empty.get().retryAfter()).isBetween(Duration.ofMillis(1), Duration.ofMillis(100));
        await().pollDelay(empty.get().retryAfter()).atMost(empty.get().retryAfter().plusMillis(500))
                .pollInterval(Duration.ofMillis(5)).until(() -> buckets.take(List.of(draw), TIMEOUT).isEmpty());
    }

    /** Redis forgot the script (restarted, flushed, failed over): the draw sends it again and still counts. */
    @Test
    void aRedisThatForgotTheScriptIsSentItAgain() {
        RedisTokenBuckets buckets = new RedisTokenBuckets(first);
        Draw draw = new Draw("it:" + UUID.randomUUID(), new Limit(2, 1, Duration.ofHours(1)));
        assertThat(buckets.take(List.of(draw), TIMEOUT)).isEmpty();

        first.getScript().scriptFlush();
        assertThat(first.getScript().scriptExists(RedisTokenBuckets.SHA)).containsExactly(false);

        assertThat(buckets.take(List.of(draw), TIMEOUT)).isEmpty();
        assertThat(buckets.take(List.of(draw), TIMEOUT)).get().extracting(Empty::index).isEqualTo(0);
        assertThat(first.getScript().scriptExists(RedisTokenBuckets.SHA)).containsExactly(true);
    }

    /** Debits take what was spent, never below empty, each bucket on its own, and name the buckets left empty. */
    @Test
    void debitsTakeSpentTokensAndNameTheBucketsTheyEmptied() {
        RedisTokenBuckets buckets = new RedisTokenBuckets(first);
        Limit limit = new Limit(40, 1, Duration.ofSeconds(1));
        Debit hammering = new Debit("it:" + UUID.randomUUID(), limit, 45);
        Debit browsing = new Debit("it:" + UUID.randomUUID(), limit, 3);

        List<Empty> empties = buckets.debit(List.of(browsing, hammering), TIMEOUT);

        assertThat(empties).extracting(Empty::index).containsExactly(1);
        assertThat(empties.get(0).retryAfter()).isBetween(Duration.ofMillis(1), Duration.ofSeconds(1));
        assertThat(buckets.take(List.of(new Draw(hammering.key(), limit)), TIMEOUT)).isPresent();
        int left = 0;
        while (buckets.take(List.of(new Draw(browsing.key(), limit)), TIMEOUT).isEmpty() && left < 100) {
            left++;
        }
        assertThat(left).isBetween(37, 38); // 40 - 3, and perhaps one refilled meanwhile
    }

    @Test
    void whenOneBucketIsEmptyNoneIsDrawn() {
        RedisTokenBuckets buckets = new RedisTokenBuckets(first);
        Draw user = new Draw("it:" + UUID.randomUUID(), new Limit(5, 1, Duration.ofHours(1)));
        Draw screening = new Draw("it:" + UUID.randomUUID(), new Limit(1, 1, Duration.ofHours(1)));

        assertThat(buckets.take(List.of(user, screening), TIMEOUT)).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take(List.of(user, screening), TIMEOUT)).get().extracting(Empty::index).isEqualTo(1);
        }
        int userLeft = 0;
        while (buckets.take(List.of(user), TIMEOUT).isEmpty()) {
            userLeft++;
        }
        assertThat(userLeft).isEqualTo(4);
    }

    /**
     * What a check costs: N draws one after another (one bucket, then two as an order placement draws), and 8
     * threads on one hot key (a flash sale's screening). Prints the figures; asserts only that every draw answered.
     */
    @Test
    void costPerCheck() throws Exception {
        RedisTokenBuckets buckets = new RedisTokenBuckets(first);
        Limit roomy = new Limit(1_000_000, 1_000_000, Duration.ofSeconds(1));
        for (int i = 0; i < 2_000; i++) {
            buckets.take(List.of(new Draw("it:warm:" + (i % 100), roomy)), TIMEOUT);
        }
        int n = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertThat(buckets.take(List.of(new Draw("it:user:" + (i % 1000), roomy)), TIMEOUT)).isEmpty();
        }
        long one = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertThat(buckets.take(List.of(new Draw("it:user:" + (i % 1000), roomy),
                    new Draw("it:screening:hot", roomy)), TIMEOUT)).isEmpty();
        }
        long two = System.nanoTime() - start;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(() -> {
                for (int i = 0; i < n / 8; i++) {
                    buckets.take(List.of(new Draw("it:screening:hot8", roomy)), TIMEOUT);
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
        System.out.printf("rate-limit cost (Lua): one bucket %.1f us/check, two buckets %.1f us/check,"
                        + " 8 threads on one key %.0f checks/s%n", one / 1000.0 / n, two / 1000.0 / n,
                done / (hot / 1e9));
        assertThat(done).isEqualTo(n);
    }

    private static RedissonClient client(String address) {
        Config config = new Config();
        config.useSingleServer().setAddress(address);
        return Redisson.create(config);
    }
}
