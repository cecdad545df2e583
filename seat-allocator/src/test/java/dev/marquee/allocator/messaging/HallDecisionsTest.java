package dev.marquee.allocator.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.marquee.allocator.SeatAllocation;
import dev.marquee.allocator.SeatRequest;
import dev.marquee.ledger.Allocation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

class HallDecisionsTest {

    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    static final long HALL = 2;

    final SeatAllocation allocation = mock(SeatAllocation.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final HallDecisions decisions = new HallDecisions(allocation, meters.counter("isolated"));
    final List<String> unanswered = new ArrayList<>();

    final SeatRequest first = request("o-1", "A1");
    final SeatRequest refused = request("o-2", "A5");
    final SeatRequest third = request("o-3", "A9");

    @Test
    void aBatchThatFailsForGoodIsDecidedOneAtATimeAndOnlyTheFailingRequestIsRejected() {
        DataIntegrityViolationException tooLong = new DataIntegrityViolationException("Data too long");
        when(allocation.allocate(HALL, List.of(first, refused, third))).thenThrow(tooLong);
        when(allocation.allocate(HALL, List.of(first))).thenReturn(List.of(held(first)));
        when(allocation.allocate(HALL, List.of(refused))).thenThrow(tooLong);
        when(allocation.allocate(HALL, List.of(third))).thenReturn(List.of(held(third)));
        Allocation internalError = rejected(refused);
        when(allocation.isolate(HALL, refused, tooLong)).thenReturn(internalError);

        List<Allocation> answers = decide(first, refused, third);

        assertThat(answers).containsExactly(held(first), internalError, held(third));
        assertThat(unanswered).isEmpty();
        assertThat(meters.counter("isolated").count()).isEqualTo(1);
    }

    @Test
    void transientFailuresAreThrownForThePollToBeRetried() {
        when(allocation.allocate(HALL, List.of(first, refused))).thenThrow(new CannotAcquireLockException(
                "Lock wait timeout exceeded"));
        assertThatThrownBy(() -> decide(first, refused)).isInstanceOf(CannotAcquireLockException.class);

        when(allocation.allocate(HALL, List.of(third))).thenThrow(new RedisConnectionException("Redis away"));
        assertThatThrownBy(() -> decide(third)).isInstanceOf(RedisConnectionException.class);

        verify(allocation, never()).isolate(eq(HALL), any(), any());
    }

    @Test
    void aRequestWhoseRejectionCannotBeRecordedIsHandedBackForTheDeadLetterTopic() {
        DataIntegrityViolationException tooLong = new DataIntegrityViolationException("Data too long for order_id");
        when(allocation.allocate(eq(HALL), anyList())).thenThrow(tooLong);
        when(allocation.isolate(HALL, refused, tooLong)).thenThrow(tooLong);

        assertThat(decide(refused)).isEmpty();

        assertThat(unanswered).containsExactly("o-2");
    }

    private List<Allocation> decide(SeatRequest... requests) {
        return decisions.decide(HALL, List.of(requests), (request, failure) -> unanswered.add(request.orderId()));
    }

    private static SeatRequest request(String orderId, String seat) {
        return new SeatRequest(orderId, "fan-" + orderId, 7, HALL, List.of(seat), 0, NOW.plus(Duration.ofDays(1)));
    }

    private static Allocation held(SeatRequest r) {
        return Allocation.held(r.orderId(), r.screeningId(), HALL, r.seats(), NOW.plusSeconds(900), 3, NOW);
    }

    private static Allocation rejected(SeatRequest r) {
        return Allocation.rejected(r.orderId(), r.screeningId(), HALL, List.of(), "INTERNAL_ERROR", "failed", NOW);
    }
}
