package dev.marquee.support.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T15:30:00.123Z");

    @Test
    void theLayoutIsRfc9562Version7() {
        UUID id = new TimeOrderedIds(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom()).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).hasSize(36).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(TimeOrderedIds.timestampOf(id)).isEqualTo(NOW);
        // the first 48 bits are the millisecond, big-endian, so the text sorts by time
        assertThat(id.toString().replace("-", "").substring(0, 12)).isEqualTo(String.format("%012x", NOW.toEpochMilli()));
    }

    @Test
    void theSharedGeneratorStampsTheCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(TimeOrderedIds.nextText());
        long after = System.currentTimeMillis();

        assertThat(TimeOrderedIds.timestampOf(id).toEpochMilli()).isBetween(before, after + 1);
    }

    @Test
    void withinAMillisecondTheCounterKeepsTheIdsIncreasing() {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
        UUID previous = ids.next();
        for (int i = 0; i < 10_000; i++) {
            UUID next = ids.next();
            assertThat(next.compareTo(previous)).isPositive();
            assertThat(next.toString()).isGreaterThan(previous.toString());
            assertThat(TimeOrderedIds.timestampOf(next)).isAfterOrEqualTo(NOW);
            previous = next;
        }
        // 10,000 ids in one fixed millisecond exhaust the 12-bit counter: the later ones borrow the next milliseconds
        assertThat(TimeOrderedIds.timestampOf(previous)).isAfter(NOW).isBefore(NOW.plusMillis(10));
    }

    @Test
    void aClockSteppingBackDoesNotBreakTheOrder() {
        AtomicLong millis = new AtomicLong(NOW.toEpochMilli());
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
        TimeOrderedIds ids = new TimeOrderedIds(clock, new SecureRandom());
        UUID first = ids.next();
        millis.addAndGet(-5_000);
        UUID afterStepBack = ids.next();

        assertThat(afterStepBack.compareTo(first)).isPositive();
        assertThat(TimeOrderedIds.timestampOf(afterStepBack)).isEqualTo(NOW);
    }

    @Test
    void aVersion4IdHasNoTimestamp() {
        assertThatThrownBy(() -> TimeOrderedIds.timestampOf(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
