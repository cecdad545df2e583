package dev.marquee.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

class HallViewsTest {

    static final Map<Long, Map<String, dev.marquee.ledger.SeatClaim>> CLAIMS = Map.of(7L, Map.of());

    @Test
    void keepsTheHallsUsedMostRecently() {
        HallViews views = new HallViews(2);
        views.put(1, 10, CLAIMS);
        views.put(2, 20, CLAIMS);
        assertThat(views.currentAt(1, 10)).as("hall 1 used again").isPresent();

        views.put(3, 30, CLAIMS);

        assertThat(views.size()).isEqualTo(2);
        assertThat(views.currentAt(2, 20)).as("the least recently used is forgotten").isEmpty();
        assertThat(views.currentAt(1, 10)).isPresent();
        assertThat(views.currentAt(3, 30)).isPresent();
    }

    @Test
    void aViewCountsOnlyForTheTokenItWasCommittedWith() {
        HallViews views = new HallViews(4);
        views.put(1, 10, CLAIMS);

        assertThat(views.currentAt(1, 11)).as("someone else wrote with 11").isEmpty();
        assertThat(views.currentAt(1, 10)).hasValue(CLAIMS);
    }

    @Test
    void aCommitWithoutClaimsMovesACurrentViewOnly() {
        HallViews views = new HallViews(4);
        views.put(1, 10, CLAIMS);

        views.advance(1, 10, 12);
        assertThat(views.currentAt(1, 12)).isPresent();

        views.advance(1, 11, 13);
        assertThat(views.currentAt(1, 13)).as("it was not current: someone wrote with 11").isEmpty();
        assertThat(views.currentAt(1, 12)).isPresent();
    }

    @Test
    void manyHallsKeepNoMoreThanTheCapacity() {
        HallViews views = new HallViews(64);
        for (long hall = 1; hall <= 10_000; hall++) {
            views.put(hall, hall, CLAIMS);
        }

        assertThat(views.size()).isEqualTo(64);
        assertThat(views.currentAt(10_000, 10_000)).isPresent();
        assertThat(views.currentAt(1, 1)).isEmpty();
    }

    @Test
    void atLeastOneView() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HallViews(0));
    }
}
