package dev.marquee.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerStallsTest {

    private static final TopicPartition P0 = new TopicPartition("order-requests", 0);
    private static final TopicPartition P1 = new TopicPartition("order-requests", 1);

    private final ConsumerStalls stalls = new ConsumerStalls();

    @Test
    void aGroupWithRecordsWaitingWhoseOffsetDoesNotMoveIsStalledForAsLongAsThat() {
        stalls.observe("g", Map.of(P0, 10L, P1, 5L), Map.of(P0, 12L, P1, 5L), seconds(100));
        stalls.observe("g", Map.of(P0, 10L, P1, 5L), Map.of(P0, 14L, P1, 5L), seconds(130));
        stalls.observe("g", Map.of(P0, 10L, P1, 5L), Map.of(P0, 14L, P1, 5L), seconds(175));

        assertThat(stalls.stalledSeconds("g")).isEqualTo(75);
        assertThat(stalls.lag("g")).isEqualTo(4);
    }

    @Test
    void aGroupThatMovesIsNotStalledHoweverFarBehind() {
        stalls.observe("g", Map.of(P0, 10L), Map.of(P0, 1000L), seconds(100));
        stalls.observe("g", Map.of(P0, 20L), Map.of(P0, 2000L), seconds(160));

        assertThat(stalls.stalledSeconds("g")).isZero();
        assertThat(stalls.lag("g")).isEqualTo(1980);

        stalls.observe("g", Map.of(P0, 20L), Map.of(P0, 2000L), seconds(190));
        assertThat(stalls.stalledSeconds("g")).as("since it last moved").isEqualTo(30);
    }

    @Test
    void anIdleGroupWithNothingWaitingIsNotStalledAndCountsFromWhenRecordsCame() {
        stalls.observe("g", Map.of(P0, 10L), Map.of(P0, 10L), seconds(100));
        stalls.observe("g", Map.of(P0, 10L), Map.of(P0, 10L), seconds(500));
        assertThat(stalls.stalledSeconds("g")).isZero();

        stalls.observe("g", Map.of(P0, 10L), Map.of(P0, 11L), seconds(510));
        stalls.observe("g", Map.of(P0, 10L), Map.of(P0, 11L), seconds(520));
        assertThat(stalls.stalledSeconds("g")).isEqualTo(20);
    }

    @Test
    void thePartitionMostStalledDecides() {
        stalls.observe("g", Map.of(P0, 1L, P1, 1L), Map.of(P0, 5L, P1, 5L), seconds(0));
        stalls.observe("g", Map.of(P0, 3L, P1, 1L), Map.of(P0, 5L, P1, 5L), seconds(40));

        assertThat(stalls.stalledSeconds("g")).isEqualTo(40);
    }

    @Test
    void aPartitionTheGroupNeverCommittedStandsAtItsStartAsTheCallerSaysAndAGroupNeverSeenIsNotStalled() {
        stalls.observe("g", Map.of(P0, 0L), Map.of(P0, 3L), seconds(0));
        stalls.observe("g", Map.of(P0, 0L), Map.of(P0, 3L), seconds(9));

        assertThat(stalls.stalledSeconds("g")).isEqualTo(9);
        assertThat(stalls.stalledSeconds("other")).isZero();
    }

    private static long seconds(long s) {
        return TimeUnit.SECONDS.toNanos(s);
    }

    @Test
    void aGroupPausedOnPurposeIsNotStalledAndCountsFromItsResumption() {
        stalls.observe("g", Map.of(P0, 0L), Map.of(P0, 3L), seconds(0), true);
        stalls.observe("g", Map.of(P0, 0L), Map.of(P0, 9L), seconds(300), true);
        assertThat(stalls.stalledSeconds("g")).isZero();
        assertThat(stalls.lag("g")).isEqualTo(9);

        stalls.observe("g", Map.of(P0, 0L), Map.of(P0, 9L), seconds(310), false);
        assertThat(stalls.stalledSeconds("g")).isEqualTo(10);
    }

    @Test
    void aGroupNoLongerConsumedHereStopsCounting() {
        stalls.observe("g", Map.of(P0, 0L), Map.of(P0, 3L), seconds(0));
        stalls.observe("g", Map.of(P0, 0L), Map.of(P0, 3L), seconds(90));

        stalls.retain(Set.of("other"));

        assertThat(stalls.stalledSeconds("g")).isZero();
        assertThat(stalls.lag("g")).isZero();
    }
}
