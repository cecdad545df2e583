package dev.marquee.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.ledger.Allocation;
import dev.marquee.ledger.Allocation.Outcome;
import dev.marquee.ledger.FencingToken;
import dev.marquee.ledger.SeatClaim;
import org.junit.jupiter.api.Test;

class AllocationRoundTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Instant SHOW = NOW.plus(Duration.ofDays(1));
    static final FencingToken TOKEN = new FencingToken(1, 42);
    static final Duration HOLD = Duration.ofMinutes(15);

    final Map<String, SeatClaim> screening = new HashMap<>();

    @Test
    void holdsFreeSeatsUntilTheDeadlineWithTheFencingToken() {
        AllocationRound.Result result = round().decide(List.of(request("o1", "A1", "A2")));

        Allocation held = result.outcomes().getFirst();
        assertThat(held.outcome()).isEqualTo(Outcome.HELD);
        assertThat(held.holdUntil()).isEqualTo(NOW.plus(HOLD));
        assertThat(held.fencingToken()).isEqualTo(42);
        assertThat(result.newClaims()).extracting(SeatClaim::seatLabel).containsExactly("A1", "A2");
        assertThat(result.takeovers()).isEmpty();
    }

    @Test
    void laterRequestInTheSameBatchCannotTakeASeatAnEarlierOneGot() {
        AllocationRound.Result result = round().decide(List.of(
                request("first", "B3", "B4"), request("second", "B4", "B5"), request("third", "B5")));

        assertThat(result.outcomes()).extracting(Allocation::outcome)
                .containsExactly(Outcome.HELD, Outcome.REJECTED, Outcome.HELD);
        assertThat(result.outcomes().get(1).reason()).isEqualTo("SEATS_TAKEN");
        assertThat(result.outcomes().get(1).detail()).contains("B4").doesNotContain("B5");
    }

    @Test
    void liveHoldsAndTicketsBlockButALapsedHoldIsTakenOver() {
        screening.put("C1", new SeatClaim(7, "C1", "old-live", NOW.plusSeconds(1), 1));
        screening.put("C2", new SeatClaim(7, "C2", "old-sold", null, 1));
        screening.put("C3", new SeatClaim(7, "C3", "old-lapsed", NOW, 1));

        AllocationRound.Result result = round().decide(List.of(
                request("wants-live", "C1"), request("wants-sold", "C2"), request("wants-lapsed", "C3")));

        assertThat(result.outcomes()).extracting(Allocation::outcome)
                .containsExactly(Outcome.REJECTED, Outcome.REJECTED, Outcome.HELD);
        assertThat(result.takeovers()).singleElement().satisfies(t -> {
            assertThat(t.previousOrderId()).isEqualTo("old-lapsed");
            assertThat(t.claim().orderId()).isEqualTo("wants-lapsed");
        });
        assertThat(result.newClaims()).isEmpty();
    }

    @Test
    void anOrderAlreadyDecidedGetsTheSameAnswerAndNothingIsWrittenAgain() {
        Allocation earlier = Allocation.held("o1", 7, 1, List.of("D1"), NOW.plus(HOLD), 41, NOW.minusSeconds(5));
        screening.put("D1", new SeatClaim(7, "D1", "o1", NOW.plus(HOLD), 41));

        AllocationRound.Result result = new AllocationRound(Map.of(7L, screening), Map.of("o1", earlier), TOKEN,
                HOLD, NOW).decide(List.of(request("o1", "D1"), request("o1", "D1")));

        assertThat(result.outcomes()).containsExactly(earlier, earlier);
        assertThat(result.decided()).isEmpty();
        assertThat(result.newClaims()).isEmpty();
    }

    @Test
    void aRedeliveredRequestInTheSameBatchIsDecidedOnce() {
        AllocationRound.Result result = round().decide(List.of(request("o1", "E1"), request("o1", "E1")));

        assertThat(result.outcomes()).extracting(Allocation::outcome).containsExactly(Outcome.HELD, Outcome.HELD);
        assertThat(result.decided()).hasSize(1);
        assertThat(result.newClaims()).hasSize(1);
    }

    @Test
    void refusesOnceTheScreeningHasStarted() {
        SeatRequest late = new SeatRequest("o1", 7, 1, List.of("F1"), NOW);

        Allocation answer = round().decide(List.of(late)).outcomes().getFirst();

        assertThat(answer.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(answer.reason()).isEqualTo("SCREENING_CLOSED");
    }

    private AllocationRound round() {
        return new AllocationRound(Map.of(7L, screening), Map.of(), TOKEN, HOLD, NOW);
    }

    private static SeatRequest request(String orderId, String... seats) {
        return new SeatRequest(orderId, 7, 1, List.of(seats), SHOW);
    }
}
