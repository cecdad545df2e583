package dev.marquee.orderapi.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.util.List;

import dev.marquee.orderapi.console.ConsumerLag.GroupLag;
import dev.marquee.orderapi.console.LagHistory.GroupHistory;
import dev.marquee.orderapi.console.LagHistory.Sample;
import org.junit.jupiter.api.Test;

class LagHistoryTest {

    private static final long MINUTE = 60_000;

    private final LagHistory history = new LagHistory(null, Clock.systemUTC());

    @Test
    void nothingIsShownBeforeTheFirstSample() {
        assertThat(history.latest()).isEmpty();
    }

    @Test
    void eachGroupKeepsItsSamplesOfTheLastHalfHourOldestFirstTheLatestLast() {
        history.record(List.of(new GroupLag("seat-allocator", 0, 12)), 0);
        history.record(List.of(new GroupLag("seat-allocator", 40, 12)), 10 * MINUTE);
        history.record(List.of(new GroupLag("seat-allocator", 7, 12)), 31 * MINUTE);

        assertThat(history.latest()).singleElement().satisfies(g -> {
            assertThat(g.lag()).isEqualTo(7);
            assertThat(g.partitions()).isEqualTo(12);
            assertThat(g.samples()).containsExactly(new Sample(10 * MINUTE, 40), new Sample(31 * MINUTE, 7));
        });
    }

    @Test
    void theGroupsShownAreTheLatestSamplesAndAGoneGroupAgesOut() {
        history.record(List.of(new GroupLag("box-office", 5, 3), new GroupLag("expiry-worker", 1, 3)), 0);
        history.record(List.of(new GroupLag("expiry-worker", 0, 3)), 31 * MINUTE);
        assertThat(history.latest()).extracting(GroupHistory::group, g -> g.samples().size())
                .containsExactly(tuple("expiry-worker", 1));

        history.record(List.of(new GroupLag("box-office", 2, 3), new GroupLag("expiry-worker", 0, 3)), 32 * MINUTE);
        assertThat(history.latest()).extracting(GroupHistory::group, g -> g.samples().size())
                .containsExactly(tuple("box-office", 1), tuple("expiry-worker", 2));
    }
}
