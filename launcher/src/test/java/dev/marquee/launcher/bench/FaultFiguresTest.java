package dev.marquee.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.launcher.bench.FaultFigures.Placed;
import org.junit.jupiter.api.Test;

class FaultFiguresTest {

    static final long S = 1_000_000_000L;
    static final long FAULT = 100 * S;

    final List<Placed> placed = new ArrayList<>();
    final Map<String, Long> decided = new HashMap<>();

    @Test
    void recoveryRunsFromTheFaultToTheFirstDecisionOfAnOrderPlacedAfterIt() {
        order("old", 1, 99 * S, 104 * S);  // placed before: its late decision does not count as recovery
        order("new-1", 1, 101 * S, 107 * S);
        order("new-2", 1, 102 * S, 106 * S);

        FaultFigures figures = figures();

        assertThat(figures.recoverySeconds()).isEqualTo(6.0);
        assertThat(figures.placedAfter()).isEqualTo(2);
    }

    @Test
    void everyHallMustSeeADecisionBeforeAllHallsRecovered() {
        order("hall-1", 1, 101 * S, 102 * S);
        order("hall-2", 2, 101 * S, 130 * S);

        FaultFigures figures = figures();

        assertThat(figures.recoverySeconds()).isEqualTo(2.0);
        assertThat(figures.allHallsSeconds()).isEqualTo(30.0);
    }

    @Test
    void aHallWithoutAnyDecisionAfterTheFaultHasNotRecovered() {
        order("hall-1", 1, 101 * S, 102 * S);
        order("hall-2", 2, 101 * S, null);

        FaultFigures figures = figures();

        assertThat(figures.allHallsSeconds()).isEqualTo(-1);
        assertThat(figures.undecidedAfter()).isEqualTo(1);
    }

    @Test
    void theLatencySpikeComparesTheWindowsBeforeAndAfterTheFault() {
        order("long-before", 1, 50 * S, 60 * S); // outside the 20 s window
        for (int i = 0; i < 10; i++) {
            order("before-" + i, 1, 85 * S + i * S, 85 * S + i * S + S / 10);
            order("after-" + i, 1, 100 * S + i * S, 100 * S + i * S + 3 * S);
        }

        FaultFigures figures = figures();

        assertThat(figures.p99BeforeMs()).isBetween(99L, 101L);
        assertThat(figures.p99AfterMs()).isBetween(2990L, 3010L);
    }

    private FaultFigures figures() {
        return FaultFigures.of("test", FAULT, FAULT + S, 20 * S, placed, decided);
    }

    private void order(String id, long hall, long sent, Long decidedAt) {
        placed.add(new Placed(id, hall, sent));
        if (decidedAt != null) {
            decided.put(id, decidedAt);
        }
    }
}
