package dev.marquee.orderapi.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.marquee.orderapi.ratelimit.RateLimiting.Charge;
import dev.marquee.orderapi.ratelimit.RateLimiting.Exceeded;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class RateLimitingTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final SteppingClock clock = new SteppingClock();
    final ScriptedBuckets buckets = new ScriptedBuckets();
    final RateLimitProperties defaults = new RateLimitProperties(null, null, null, null, null, null, null,
            null);

    @Test
    void aRefusalNamesTheLimitAndRoundsTheWaitUp() {
        buckets.answer = Optional.of(new TokenBuckets.Empty(1, Duration.ofMillis(1200)));
        RateLimiting limits = new RateLimiting(buckets, defaults, clock, meters);

        Optional<Exceeded> exceeded = limits.check(List.of(new Charge(LimitKind.USER, "42"),
                new Charge(LimitKind.SCREENING, "3")));

        assertThat(exceeded).get().extracting(Exceeded::kind).isEqualTo(LimitKind.SCREENING);
        assertThat(exceeded.get().retryAfterSeconds()).isEqualTo(2);
        assertThat(new Exceeded(LimitKind.IP, Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(buckets.seen.get(0)).extracting(TokenBuckets.Draw::key).containsExactly("marquee:rate:user:42",
                "marquee:rate:screening:3");
        assertThat(buckets.seen.get(0)).extracting(TokenBuckets.Draw::limit)
                .containsExactly(defaults.user(), defaults.screening());
    }

    @Test
    void whenRedisFailsTheRequestPassesIsCountedAndRedisIsLeftAloneForThePause() {
        buckets.failure = new IllegalStateException("Redis did not answer within PT0.1S");
        RateLimiting limits = new RateLimiting(buckets, defaults, clock, meters);

        assertThat(limits.check(List.of(new Charge(LimitKind.IP, "10.0.0.1")))).isEmpty();
        assertThat(limits.check(List.of(new Charge(LimitKind.IP, "10.0.0.1")))).isEmpty();
        assertThat(buckets.seen).hasSize(1);
        assertThat(meters.counter("marquee.rate_limit.unavailable").count()).isEqualTo(2);

        buckets.failure = null;
        buckets.answer = Optional.of(new TokenBuckets.Empty(0, Duration.ofSeconds(1)));
        clock.now = clock.now.plus(defaults.pauseAfterFailure());
        assertThat(limits.check(List.of(new Charge(LimitKind.IP, "10.0.0.1")))).isPresent();
    }

    @Test
    void switchedOffNothingIsChecked() {
        buckets.answer = Optional.of(new TokenBuckets.Empty(0, Duration.ofSeconds(1)));
        RateLimiting limits = new RateLimiting(buckets, new RateLimitProperties(false, null, null, null, null, null,
                null, null), clock, meters);

        assertThat(limits.check(List.of(new Charge(LimitKind.USER, "42")))).isEmpty();
        assertThat(buckets.seen).isEmpty();
    }

    @Test
    void aBucketFoundEmptyRefusesHereUntilItHasATokenAgainWithoutAskingRedis() {
        buckets.answer = Optional.of(new TokenBuckets.Empty(0, Duration.ofMillis(1500)));
        RateLimiting limits = new RateLimiting(buckets, defaults, clock, meters);
        List<Charge> fan = List.of(new Charge(LimitKind.USER, "fan"));

        assertThat(limits.check(fan)).isPresent();
        clock.now = clock.now.plusMillis(1000);
        assertThat(limits.check(fan)).get().extracting(Exceeded::retryAfter).isEqualTo(Duration.ofMillis(500));
        assertThat(limits.knownEmpty(fan)).isPresent();
        assertThat(limits.knownEmpty(List.of(new Charge(LimitKind.USER, "other")))).isEmpty();
        assertThat(buckets.seen).hasSize(1);

        clock.now = clock.now.plusMillis(500);
        buckets.answer = Optional.empty();
        assertThat(limits.knownEmpty(fan)).isEmpty();
        assertThat(limits.check(fan)).isEmpty();
        assertThat(buckets.seen).hasSize(2);
    }

    @Test
    void deferredTokensAreDrawnInOneBatchPerFlushAndAnEmptiedBucketRefusesAfterwards() {
        RateLimiting limits = new RateLimiting(buckets, defaults, clock, meters);
        Charge fan = new Charge(LimitKind.USER, "fan");
        Charge other = new Charge(LimitKind.USER, "other");
        for (int i = 0; i < 45; i++) {
            limits.defer(List.of(fan));
        }
        limits.defer(List.of(other));
        buckets.emptied = List.of(new TokenBuckets.Empty(0, Duration.ofMillis(50)));

        limits.flush();

        assertThat(buckets.debited).hasSize(1);
        assertThat(buckets.debited.get(0)).extracting(TokenBuckets.Debit::tokens).containsExactlyInAnyOrder(45, 1);
        String emptied = buckets.debited.get(0).get(0).key();
        Charge refused = emptied.endsWith(":fan") ? fan : other;
        assertThat(limits.knownEmpty(List.of(refused))).isPresent();
        assertThat(buckets.seen).isEmpty();

        limits.flush();
        assertThat(buckets.debited).hasSize(1); // nothing deferred since: no round trip
    }

    @Test
    void deferredTokensAreDroppedAndCountedWhenRedisCannotTakeThem() {
        RateLimiting limits = new RateLimiting(buckets, defaults, clock, meters);
        buckets.failure = new IllegalStateException("Redis did not answer within PT0.1S");
        limits.defer(List.of(new Charge(LimitKind.USER, "fan")));

        limits.flush();
        limits.flush();

        assertThat(buckets.debited).hasSize(1);
        assertThat(meters.counter("marquee.rate_limit.unavailable").count()).isEqualTo(1);
        assertThat(limits.knownEmpty(List.of(new Charge(LimitKind.USER, "fan")))).isEmpty();
    }

    static final class ScriptedBuckets implements TokenBuckets {
        final List<List<Draw>> seen = new ArrayList<>();
        final List<List<Debit>> debited = new ArrayList<>();
        Optional<Empty> answer = Optional.empty();
        List<Empty> emptied = List.of();
        RuntimeException failure;

        @Override
        public List<Empty> debit(List<Debit> debits, Duration timeout) {
            debited.add(debits);
            if (failure != null) {
                throw failure;
            }
            return emptied;
        }

        @Override
        public Optional<Empty> take(List<Draw> draws, Duration timeout) {
            seen.add(draws);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    static final class SteppingClock extends Clock {
        Instant now = Instant.parse("2026-12-02T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
