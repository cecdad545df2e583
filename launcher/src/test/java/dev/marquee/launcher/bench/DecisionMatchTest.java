package dev.marquee.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.marquee.launcher.bench.DecisionTap.Decision;
import dev.marquee.launcher.bench.EdgeLog.Accepted;
import org.junit.jupiter.api.Test;

class DecisionMatchTest {

    static final long MS = 1_000_000;

    @Test
    void eachAcceptedOrderIsMatchedWithItsDecisionsByOrderId() {
        List<Accepted> accepted = List.of(accepted("held", 0), accepted("rejected", 10), accepted("twice", 20),
                accepted("contradicted", 30), accepted("lost", 40));
        Map<String, List<Decision>> decisions = Map.of(
                "held", List.of(held(100)),
                "rejected", List.of(rejected(210)),
                "twice", List.of(rejected(320), rejected(330)),
                "contradicted", List.of(held(430), rejected(440)),
                "stranger", List.of(rejected(500)));

        DecisionMatch match = DecisionMatch.of(accepted, decisions, 250 * MS, List.of());

        assertThat(match.held()).isEqualTo(2);
        assertThat(match.rejected()).isEqualTo(2);
        assertThat(match.missing()).isEqualTo(1);
        assertThat(match.duplicates()).isEqualTo(2);
        assertThat(match.conflicting()).isEqualTo(1);
        assertThat(match.unknown()).isEqualTo(1);
        assertThat(match.latency().getTotalCount()).isEqualTo(4);
        assertThat(match.latency().getMaxValue()).isBetween(399_000L, 401_000L);
        assertThat(match.latencyBeforeSellOut().getTotalCount()).isEqualTo(2);
        assertThat(match.latencyBeforeSellOut().getMaxValue()).isBetween(199_000L, 201_000L);
    }

    @Test
    void withoutASellOutEveryDecisionCameWhileSeatsWereLeft() {
        DecisionMatch match = DecisionMatch.of(List.of(accepted("a", 0)), Map.of("a", List.of(held(5))), -1, List.of());

        assertThat(match.latencyBeforeSellOut().getTotalCount()).isEqualTo(1);
    }

    @Test
    void anAttemptRefusedAtTheEdgeIsDecidedWhenItIsAnsweredAndCountsOnlyAmongAllDecisions() {
        List<EdgeLog.Refusal> refusals = List.of(new EdgeLog.Refusal(100 * MS, 130 * MS),
                new EdgeLog.Refusal(600 * MS, 900 * MS));

        DecisionMatch match = DecisionMatch.of(List.of(accepted("a", 0)), Map.of("a", List.of(held(50))), 200 * MS,
                refusals);

        assertThat(match.latency().getTotalCount()).isEqualTo(3);
        assertThat(match.latency().getMaxValue()).isBetween(299_000L, 301_000L);
        assertThat(match.latencyBeforeSellOut().getTotalCount()).isEqualTo(2);
        assertThat(match.pipelineLatency().getTotalCount()).isEqualTo(1);
        assertThat(match.pipelineLatency().getMaxValue()).isBetween(49_000L, 51_000L);
        assertThat(match.lastDecisionNanos()).isEqualTo(900 * MS);
    }

    static Accepted accepted(String orderId, long intendedMs) {
        return new Accepted(orderId, intendedMs * MS, intendedMs);
    }

    static Decision held(long consumedMs) {
        return new Decision(true, consumedMs * MS, consumedMs, consumedMs);
    }

    static Decision rejected(long consumedMs) {
        return new Decision(false, consumedMs * MS, consumedMs, consumedMs);
    }
}
