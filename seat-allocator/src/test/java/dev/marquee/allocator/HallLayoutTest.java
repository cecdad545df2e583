package dev.marquee.allocator;

import static dev.marquee.allocator.HallLayouts.hall;
import static dev.marquee.allocator.HallLayouts.state;
import static dev.marquee.allocator.HallLayouts.taken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HallLayoutTest {

    static final HallLayout SCREEN_ONE = hall("""
            A  W C . S S S S . C W
            B  S S S S . S S S S S
            H  L L L L . L L S
            """);

    @Test
    void numbersSeatsWithinTheirRowSkippingGaps() {
        assertThat(SCREEN_ONE.seat("A3")).hasValue(new Seat("A3", "A", 1, 4, SeatType.STANDARD));
        assertThat(SCREEN_ONE.seat("A8")).hasValue(new Seat("A8", "A", 1, 10, SeatType.WHEELCHAIR));
        assertThat(SCREEN_ONE.seat("A9")).isEmpty();
        assertThat(SCREEN_ONE.capacity()).isEqualTo(24);
        assertThat(SCREEN_ONE.rowCount()).isEqualTo(3);
    }

    @Test
    void ordersRowsFrontToBackAndSeatsLeftToRightWhateverTheInputOrder() {
        HallLayout layout = HallLayout.of(List.of(
                new Seat("B2", "B", 2, 2, SeatType.STANDARD), new Seat("A1", "A", 1, 1, SeatType.STANDARD),
                new Seat("B1", "B", 2, 1, SeatType.STANDARD)));

        assertThat(layout.rows()).map(HallLayoutTest::labels).containsExactly(List.of("A1"), List.of("B1", "B2"));
    }

    @Test
    void anAisleOrGapEndsASegment() {
        assertThat(SCREEN_ONE.segments()).map(HallLayoutTest::labels).containsExactly(
                List.of("A1", "A2"), List.of("A3", "A4", "A5", "A6"), List.of("A7", "A8"),
                List.of("B1", "B2", "B3", "B4"), List.of("B5", "B6", "B7", "B8", "B9"),
                List.of("H1", "H2", "H3", "H4"), List.of("H5", "H6", "H7"));
    }

    @Test
    void sideBySideLoveSeatsPairUpLeftToRight() {
        assertThat(List.of("H1", "H2", "H3", "H4", "H5", "H6"))
                .map(label -> SCREEN_ONE.seat(label).orElseThrow().pairLabel())
                .containsExactly("H2", "H1", "H4", "H3", "H6", "H5");
        assertThat(SCREEN_ONE.seat("H7").orElseThrow().pairLabel()).isNull();
    }

    @Test
    void aLoveSeatWithoutItsOtherHalfIsNotAHall() {
        assertThatIllegalArgumentException().isThrownBy(() -> hall("H  L L L S"));
        assertThatIllegalArgumentException().isThrownBy(() -> hall("H  L . L"));
        assertThatIllegalArgumentException().isThrownBy(() -> HallLayout.of(List.of(
                new Seat("H1", "H", 1, 1, SeatType.LOVE_SEAT, "H2"), new Seat("H2", "H", 1, 2, SeatType.STANDARD))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Seat("H1", "H", 1, 1, SeatType.LOVE_SEAT, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Seat("A1", "A", 1, 1, SeatType.STANDARD, "A2"));
    }

    @Test
    void refusesSeatsThatCollide() {
        Seat a1 = new Seat("A1", "A", 1, 1, SeatType.STANDARD);

        assertThatIllegalArgumentException().as("same label")
                .isThrownBy(() -> HallLayout.of(List.of(a1, new Seat("A1", "A", 1, 2, SeatType.STANDARD))));
        assertThatIllegalArgumentException().as("same place")
                .isThrownBy(() -> HallLayout.of(List.of(a1, new Seat("A2", "A", 1, 1, SeatType.STANDARD))));
        assertThatIllegalArgumentException().as("one grid row, two row labels")
                .isThrownBy(() -> HallLayout.of(List.of(a1, new Seat("B1", "B", 1, 2, SeatType.STANDARD))));
        assertThatIllegalArgumentException().as("one row label, two grid rows")
                .isThrownBy(() -> HallLayout.of(List.of(a1, new Seat("A2", "A", 2, 1, SeatType.STANDARD))));
    }

    @Test
    void statesAreDrawnOnTheSameGridAsTheHall() {
        HallLayout layout = hall("B  S S S . S S S S");

        Set<String> taken = taken(layout, "B  XX_._XXX");

        assertThat(taken).containsExactly("B1", "B2", "B5", "B6", "B7");
        assertThat(state(layout, "B", taken, List.of("B3"))).isEqualTo("XXO._XXX");
        assertThatIllegalArgumentException().as("state must fit the row's seats and gaps")
                .isThrownBy(() -> taken(layout, "B  XX__XXXX"));
    }

    private static List<String> labels(List<Seat> seats) {
        return seats.stream().map(Seat::label).toList();
    }
}
