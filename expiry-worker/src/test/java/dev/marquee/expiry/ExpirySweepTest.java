package dev.marquee.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import dev.marquee.ledger.Holds;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ExpirySweepTest {

    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    final Holds holds = mock(Holds.class);
    final HallExpiry halls = mock(HallExpiry.class);
    final OutboxRelay relay = mock(OutboxRelay.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ExpirySweep sweep = new ExpirySweep(holds, halls, relay, new ExpiryMetrics(meters),
            new ExpiryProperties(Duration.ofSeconds(1), 500, Duration.ofMillis(100), 20_000,
                    Duration.ofDays(1)), Clock.fixed(NOW, ZoneOffset.UTC));

    /**
     * Whichever order the forty halls come in (a sweep shuffles them), the one whose expiry fails for good holds up
     * none of the others in the same sweep. (Before, the sweep ended at it: only a hall shuffled last let the test
     * pass.)
     */
    @Test
    void aHallWhoseExpiryFailsForGoodHoldsUpNoOtherHall() {
        List<Long> all = LongStream.rangeClosed(1, 40).boxed().toList();
        when(holds.hallsWithLapsedHolds(any(), anyInt())).thenReturn(all);
        for (long hall : all) {
            when(halls.expire(hall)).thenReturn(Optional.of(round(hall)));
        }
        when(halls.expire(17L)).thenThrow(new IllegalStateException("order o-17: hold changed under the hall lock"));
        sweep.start();

        sweep.sweep();

        for (long hall : all) {
            if (hall != 17) {
                verify(relay).publish(round(hall).events());
            }
        }
        assertThat(meters.counter("marquee.expiry.halls.failed").count()).isEqualTo(1);
    }

    private static HallRound round(long hall) {
        return new HallRound(hall, List.of(), List.of(new ExpiryEvent.OrderExpired(NOW, "order-of-hall-" + hall)),
                false, NOW);
    }
}
