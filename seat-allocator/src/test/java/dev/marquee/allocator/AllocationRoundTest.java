package dev.marquee.allocator;

import static dev.marquee.allocator.HallLayouts.hall;
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
    static final AllocationPolicy POLICY = new AllocationPolicy(new SeatRules(6, 8), new BestAvailable(), HOLD);

    /** Rows A (front) to E, 8 seats each; row E has a wheelchair space and its companion seat at the left. */
    static final HallLayout HALL = hall("""
            A SSSSSSSS
            B SSSSSSSS
            C SSSSSSSS
            D SSSSSSSS
            E WCSSSSSS
            """);

    final Map<String, SeatClaim> screening = new HashMap<>();

    @Test
    void holdsFreeSeatsUntilTheDeadlineWithTheFencingToken() {
        AllocationRound.Result result = round().decide(List.of(request("o1", "A1", "A2")));

        Allocation held = result.outcomes().getFirst();
        assertThat(held.outcome()).isEqualTo(Outcome.HELD);
        assertThat(held.holdUntil()).isEqualTo(NOW.plus(HOLD));
        assertThat(held.fencingToken()).isEqualTo(42);
        assertThat(result.newClaims()).extracting(SeatClaim::seatLabel).containsExactly("A1", "A2");
        assertThat(result.newClaims()).extracting(SeatClaim::customerId).containsOnly("fan-o1");
        assertThat(result.takeovers()).isEmpty();
        assertThat(result.claims().get(7L)).containsKeys("A1", "A2");
    }

    @Test
    void aLaterRequestInTheSameBatchCannotTakeASeatAnEarlierOneGot() {
        AllocationRound.Result result = round().decide(List.of(
                request("first", "B3", "B4"), request("second", "B4", "B5"), request("third", "B5", "B6")));

        assertThat(result.outcomes()).extracting(Allocation::outcome)
                .containsExactly(Outcome.HELD, Outcome.REJECTED, Outcome.HELD);
        assertThat(result.outcomes().get(1).reason()).isEqualTo("SEATS_TAKEN");
        assertThat(result.outcomes().get(1).detail()).contains("B4").doesNotContain("B5");
    }

    @Test
    void liveHoldsAndTicketsBlockButALapsedHoldIsTakenOver() {
        claim("C1", "old-live", NOW.plusSeconds(1));
        claim("C2", "old-sold", null);
        claim("C3", "old-lapsed", NOW);

        AllocationRound.Result result = round().decide(List.of(
                request("wants-live", "C1"), request("wants-sold", "C2"), request("wants-lapsed", "C3", "C4")));

        assertThat(result.outcomes()).extracting(Allocation::outcome)
                .containsExactly(Outcome.REJECTED, Outcome.REJECTED, Outcome.HELD);
        assertThat(result.takeovers()).singleElement().satisfies(t -> {
            assertThat(t.previousOrderId()).isEqualTo("old-lapsed");
            assertThat(t.claim().orderId()).isEqualTo("wants-lapsed");
        });
        assertThat(result.newClaims()).extracting(SeatClaim::seatLabel).containsExactly("C4");
    }

    @Test
    void anOrderThatWouldStrandASeatBesideATakenOneIsRejected() {
        claim("D1", "neighbour", NOW.plusSeconds(600));

        Allocation answer = round().decide(List.of(request("o1", "D3", "D4"))).outcomes().getFirst();

        assertThat(answer.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(answer.reason()).isEqualTo("ORPHAN_SEAT");
    }

    @Test
    void anySeatsGetsTheBestBlockAndSkipsTakenSeats() {
        claim("D4", "someone", NOW.plusSeconds(600));
        claim("D5", "someone", NOW.plusSeconds(600));

        Allocation answer = round().decide(List.of(anySeats("o1", 3))).outcomes().getFirst();

        assertThat(answer.outcome()).isEqualTo(Outcome.HELD);
        assertThat(answer.seats()).hasSize(3).noneMatch(s -> s.equals("D4") || s.equals("D5"));
    }

    @Test
    void anySeatsIsSoldOutWhenNoBlockIsLeft() {
        for (String row : List.of("A", "B", "C", "D", "E")) {
            for (int n = 1; n <= 8; n += 2) {
                claim(row + n, "checkerboard", NOW.plusSeconds(600));
            }
        }

        Allocation answer = round().decide(List.of(anySeats("o1", 2))).outcomes().getFirst();

        assertThat(answer.reason()).isEqualTo("SOLD_OUT");
    }

    @Test
    void aCustomerMayHoldAtMostTheLimitOfAScreeningAcrossOrders() {
        AllocationRound.Result result = round().decide(List.of(
                new SeatRequest("o1", "greedy", 7, 1, List.of("A1", "A2", "A3", "A4", "A5"), 0, SHOW),
                new SeatRequest("o2", "greedy", 7, 1, List.of("B1", "B2", "B3", "B4"), 0, SHOW),
                new SeatRequest("o3", "greedy", 7, 1, List.of(), 4, SHOW),
                new SeatRequest("o4", "greedy", 7, 1, List.of(), 3, SHOW)));

        assertThat(result.outcomes()).extracting(Allocation::reason)
                .containsExactly(null, "CUSTOMER_LIMIT", "CUSTOMER_LIMIT", null);
    }

    @Test
    void rejectionsThatFollowFromTheRequestAloneNeedNoState() {
        assertThat(AllocationRound.rejectOutright(request("o1", "Z9"), HALL, POLICY, NOW))
                .hasValueSatisfying(a -> assertThat(a.reason()).isEqualTo("INVALID_SEAT"));
        assertThat(AllocationRound.rejectOutright(request("o2", "E2"), HALL, POLICY, NOW))
                .hasValueSatisfying(a -> assertThat(a.reason()).isEqualTo("WHEELCHAIR_POLICY"));
        assertThat(AllocationRound.rejectOutright(anySeats("o3", 7), HALL, POLICY, NOW))
                .hasValueSatisfying(a -> assertThat(a.reason()).isEqualTo("TOO_MANY_SEATS"));
        assertThat(AllocationRound.rejectOutright(new SeatRequest("o4", "c", 7, 1, List.of("A1"), 0, NOW), HALL,
                POLICY, NOW)).hasValueSatisfying(a -> assertThat(a.reason()).isEqualTo("SCREENING_CLOSED"));
        assertThat(AllocationRound.rejectOutright(request("o5", "E1", "E2"), HALL, POLICY, NOW)).isEmpty();
    }

    @Test
    void anOrderAlreadyDecidedGetsTheSameAnswerAndNothingIsWrittenAgain() {
        Allocation earlier = Allocation.held("o1", 7, 1, List.of("D1"), NOW.plus(HOLD), 41, NOW.minusSeconds(5));
        claim("D1", "o1", NOW.plus(HOLD));

        AllocationRound.Result result = new AllocationRound(HALL, Map.of(7L, screening), Map.of("o1", earlier), POLICY,
                TOKEN, NOW).decide(List.of(request("o1", "D1"), request("o1", "D1")));

        assertThat(result.outcomes()).containsExactly(earlier, earlier);
        assertThat(result.decided()).isEmpty();
        assertThat(result.newClaims()).isEmpty();
    }

    @Test
    void aCancelledScreeningSellsNothingEvenFreeSeatsButAnEarlierAnswerStands() {
        Allocation earlier = Allocation.held("o1", 7, 1, List.of("D1"), NOW.plus(HOLD), 41, NOW.minusSeconds(5));

        AllocationRound.Result result = new AllocationRound(HALL, Map.of(7L, screening), Map.of("o1", earlier), POLICY,
                TOKEN, NOW, java.util.Set.of(7L)).decide(List.of(request("o1", "D1"), request("o2", "A1"),
                anySeats("o3", 2)));

        assertThat(result.outcomes().getFirst()).isEqualTo(earlier);
        assertThat(result.outcomes().subList(1, 3)).extracting(Allocation::outcome, Allocation::reason)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(Outcome.REJECTED, "SCREENING_CLOSED"));
        assertThat(result.outcomes().get(1).detail()).contains("cancelled");
        assertThat(result.newClaims()).isEmpty();
    }

    @Test
    void aRedeliveredRequestInTheSameBatchIsDecidedOnce() {
        AllocationRound.Result result = round().decide(List.of(request("o1", "E7", "E8"), request("o1", "E7", "E8")));

        assertThat(result.outcomes()).extracting(Allocation::outcome).containsExactly(Outcome.HELD, Outcome.HELD);
        assertThat(result.decided()).hasSize(1);
        assertThat(result.newClaims()).hasSize(2);
    }

    @Test
    void eachScreeningOfTheBatchIsDecidedOnItsOwnLayout() {
        HallLayout smaller = hall("""
                A SSSSSSSS
                """);
        AllocationRound round = new AllocationRound(id -> id == 7L ? HALL : smaller, Map.of(7L, screening),
                Map.of(), POLICY, TOKEN, NOW, java.util.Set.of());

        AllocationRound.Result result = round.decide(List.of(request("on-7", "B1"),
                new SeatRequest("on-8", "fan-on-8", 8, 1, List.of("B1"), 0, SHOW),
                new SeatRequest("any-on-8", "fan-any-on-8", 8, 1, List.of(), 2, SHOW)));

        assertThat(result.outcomes()).extracting(Allocation::outcome)
                .containsExactly(Outcome.HELD, Outcome.REJECTED, Outcome.HELD);
        assertThat(result.outcomes().get(1).reason()).isEqualTo("INVALID_SEAT");
        assertThat(result.outcomes().get(2).seats()).allMatch(seat -> seat.startsWith("A"));
    }

    private AllocationRound round() {
        return new AllocationRound(HALL, Map.of(7L, screening), Map.of(), POLICY, TOKEN, NOW);
    }

    private void claim(String seat, String orderId, Instant holdUntil) {
        screening.put(seat, new SeatClaim(7, seat, orderId, "fan-" + orderId, holdUntil, 1));
    }

    private static SeatRequest request(String orderId, String... seats) {
        return new SeatRequest(orderId, "fan-" + orderId, 7, 1, List.of(seats), 0, SHOW);
    }

    private static SeatRequest anySeats(String orderId, int count) {
        return new SeatRequest(orderId, "fan-" + orderId, 7, 1, List.of(), count, SHOW);
    }
}
