package dev.marquee.orderapi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class HallGridTest {

    @Test
    void rowsAreLetteredFromTheFrontAndSeatsNumberedWithoutGaps() {
        HallGrid grid = HallGrid.parse(List.of(
                "SS_SS",
                ".SSS."));

        assertThat(grid.errors()).isEmpty();
        assertThat(grid.seats()).extracting(GridSeat::label)
                .containsExactly("A1", "A2", "A3", "A4", "B1", "B2", "B3");
        assertThat(grid.seats().get(2)).isEqualTo(new GridSeat("A3", "A", 1, 4, SeatType.STANDARD, null));
        assertThat(grid.seats().get(4)).isEqualTo(new GridSeat("B1", "B", 2, 2, SeatType.STANDARD, null));
    }

    @Test
    void aRowOfGapsIsACrossAisleAndTakesNoLetter() {
        HallGrid grid = HallGrid.parse(List.of("SS", "__", "SS"));

        assertThat(grid.seats()).extracting(GridSeat::label).containsExactly("A1", "A2", "B1", "B2");
        assertThat(grid.seats().get(2).gridRow()).isEqualTo(3);
    }

    @Test
    void loveSeatsPairLeftToRight() {
        HallGrid grid = HallGrid.parse(List.of("LLLL_LL"));

        assertThat(grid.errors()).isEmpty();
        assertThat(grid.seats()).extracting(GridSeat::label, GridSeat::pairLabel).containsExactly(
                tuple("A1", "A2"), tuple("A2", "A1"),
                tuple("A3", "A4"), tuple("A4", "A3"),
                tuple("A5", "A6"), tuple("A6", "A5"));
        assertThat(grid.seatTypes()).containsExactly(SeatType.LOVE_SEAT);
    }

    @Test
    void anUnpairedLoveSeatIsRefusedWhereItIs() {
        assertThat(HallGrid.parse(List.of("SSS", "LLL")).errors())
                .singleElement().satisfies(error -> {
                    assertThat(error.row()).isEqualTo(2);
                    assertThat(error.col()).isEqualTo(3);
                    assertThat(error.reason()).contains("love seat B3 has no partner");
                });
    }

    @Test
    void loveSeatsAcrossAnAisleAreNoPair() {
        assertThat(HallGrid.parse(List.of("L_L")).errors()).hasSize(2)
                .extracting(LayoutError::col).containsExactly(1, 3);
    }

    @Test
    void aLoveSeatBeforeAnotherSeatHasNoPartner() {
        assertThat(HallGrid.parse(List.of("LS")).errors()).extracting(LayoutError::col).containsExactly(1);
    }

    @Test
    void companionsSitNextToAWheelchairPlace() {
        assertThat(HallGrid.parse(List.of("WC_CW", "SSSSS")).errors()).isEmpty();

        assertThat(HallGrid.parse(List.of("W_C", "CSS")).errors())
                .extracting(LayoutError::row, LayoutError::col).containsExactly(
                        tuple(1, 3), tuple(2, 1));
    }

    @Test
    void aLayoutNeedsASeat() {
        assertThat(HallGrid.parse(List.of("__..", "")).errors()).singleElement()
                .extracting(LayoutError::reason).isEqualTo("the layout has no seat");
        assertThat(HallGrid.parse(List.of()).valid()).isFalse();
        assertThat(HallGrid.parse(null).valid()).isFalse();
    }

    @Test
    void unknownCharactersAreRefusedOneByOne() {
        HallGrid grid = HallGrid.parse(List.of("SXS", "S S"));

        assertThat(grid.seats()).isEmpty();
        assertThat(grid.errors()).extracting(LayoutError::row, LayoutError::col).containsExactly(
                tuple(1, 2), tuple(2, 2));
        assertThatThrownBy(grid::seatsOrThrow).isInstanceOf(LayoutInvalidException.class)
                .satisfies(e -> assertThat(((LayoutInvalidException) e).errors()).hasSize(2));
    }

    @Test
    void rowsBeyondZAreDoubleLettered() {
        List<String> rows = Collections.nCopies(28, "S");

        assertThat(HallGrid.parse(rows).seats()).extracting(GridSeat::label).endsWith("Z1", "AA1", "AB1");
    }

    @Test
    void tooManyRowsOrColumnsAreRefused() {
        assertThat(HallGrid.parse(Collections.nCopies(HallGrid.MAX_ROWS + 1, "S")).valid()).isFalse();
        assertThat(HallGrid.parse(List.of("S".repeat(HallGrid.MAX_COLUMNS + 1))).errors())
                .extracting(LayoutError::col).containsExactly(HallGrid.MAX_COLUMNS + 1);
    }

    @Test
    void theDemoHallDrawnAsRowsParses() {
        List<String> rows = new java.util.ArrayList<>();
        rows.add("WCSS_SSSSSSSCW");
        for (int i = 0; i < 6; i++) {
            rows.add("SSSS_SSSSSSSSS");
        }
        rows.add("LLLL_LLLLLLLLS");

        HallGrid grid = HallGrid.parse(rows);

        assertThat(grid.errors()).isEmpty();
        assertThat(grid.seats()).hasSize(104);
        assertThat(grid.seatTypes()).containsExactlyInAnyOrder(SeatType.values());
    }
}
