package dev.marquee.allocator;

import static dev.marquee.allocator.HallLayouts.hall;
import static dev.marquee.allocator.HallLayouts.state;
import static dev.marquee.allocator.HallLayouts.taken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class BestAvailableTest {

    /** Row D is 60% of the way back: index round(5 * 0.6) = 3. */
    static final HallLayout SIX_ROWS = hall("""
            A  S S S S S S S S
            B  S S S S S S S S
            C  S S S S S S S S
            D  S S S S S S S S
            E  S S S S S S S S
            F  S S S S S S S S
            """);

    final BestAvailable best = new BestAvailable();

    @Test
    void picksTheCentreOfTheRowSixtyPercentBack() {
        List<String> picked = best.pick(SIX_ROWS, Set.of(), 2).orElseThrow();

        assertThat(picked).containsExactly("D4", "D5");
        assertThat(state(SIX_ROWS, "D", Set.of(), picked)).isEqualTo("___OO___");
    }

    @Test
    void ofTwoBlocksAsNearTheCentreTakesTheLeftOne() {
        assertThat(best.pick(SIX_ROWS, Set.of(), 3)).hasValue(List.of("D3", "D4", "D5"));
    }

    @Test
    void whenTheIdealRowIsFullTakesTheNearestRowPreferringFurtherBack() {
        assertThat(best.pick(SIX_ROWS, taken(SIX_ROWS, "D XXXXXXXX"), 2)).hasValue(List.of("E4", "E5"));
        assertThat(best.pick(SIX_ROWS, taken(SIX_ROWS, """
                D XXXXXXXX
                E XXXXXXXX
                """), 2)).hasValue(List.of("C4", "C5"));
        assertThat(best.pick(SIX_ROWS, taken(SIX_ROWS, """
                C XXXXXXXX
                D XXXXXXXX
                E XXXXXXXX
                """), 2)).hasValue(List.of("F4", "F5"));
    }

    @Test
    void passesOverTheCentralBlockWhenItWouldStrandASeat() {
        Set<String> taken = taken(SIX_ROWS, "D X___X___");

        List<String> picked = best.pick(SIX_ROWS, taken, 2).orElseThrow();

        assertThat(state(SIX_ROWS, "D", taken, picked)).isEqualTo("X___XOO_");
    }

    @Test
    void movesToAnotherRowWhenEveryBlockOfTheIdealRowWouldStrandASeat() {
        Set<String> taken = taken(SIX_ROWS, "D XX___XXX");

        assertThat(best.pick(SIX_ROWS, taken, 2)).hasValue(List.of("E4", "E5"));
        assertThat(best.pick(SIX_ROWS, taken, 3)).as("all three fit").hasValue(List.of("D3", "D4", "D5"));
    }

    @Test
    void keepsABlockWithinOneSegment() {
        HallLayout layout = hall("""
                A  S S S S S S S
                B  S S S . S S S
                C  S S S S S S S
                """);

        List<String> three = best.pick(layout, Set.of(), 3).orElseThrow();
        List<String> four = best.pick(layout, Set.of(), 4).orElseThrow();

        assertThat(state(layout, "B", Set.of(), three)).as("equally central, the left one").isEqualTo("OOO.___");
        assertThat(state(layout, "C", Set.of(), four)).isEqualTo("_OOOO__");
    }

    @Test
    void picksOnlyStandardSeats() {
        HallLayout layout = hall("""
                A  S S S S S S
                B  W C S S C W
                C  L L S S L L
                """);

        assertThat(best.pick(layout, Set.of(), 2)).hasValue(List.of("B3", "B4"));
        assertThat(best.pick(layout, taken(layout, "B  ___X__"), 2)).hasValue(List.of("C3", "C4"));
        assertThat(best.pick(layout, Set.of(), 3)).hasValue(List.of("A2", "A3", "A4"));
    }

    @Test
    void nothingWhenNoRowHasRoom() {
        Set<String> everyOther = taken(SIX_ROWS, """
                A X_X_X_X_
                B X_X_X_X_
                C X_X_X_X_
                D X_X_X_X_
                E X_X_X_X_
                F X_X_X_X_
                """);

        assertThat(best.pick(SIX_ROWS, Set.of(), 9)).isEmpty();
        assertThat(best.pick(SIX_ROWS, everyOther, 2)).isEmpty();
        assertThat(best.pick(SIX_ROWS, everyOther, 1)).as("a lone seat may be filled").hasValue(List.of("D4"));
    }

    @Test
    void asksForAtLeastOneSeat() {
        assertThatIllegalArgumentException().isThrownBy(() -> best.pick(SIX_ROWS, Set.of(), 0));
    }

    @Test
    void findsTheBackRowOfAThreeHundredSeatHallWhenOnlyItHasRoom() {
        HallLayout layout = hall("ABCDEFGHIJKLMNO".chars()
                .mapToObj(row -> (char) row + "  SSSS.SSSSSSSSSSSS.SSSS")
                .collect(Collectors.joining("\n")));
        Set<String> everyOtherSeatToRowN = layout.rows().stream().limit(14).flatMap(List::stream)
                .filter(seat -> seat.gridCol() % 2 == 1).map(Seat::label).collect(Collectors.toSet());

        Optional<List<String>> answer = best.pick(layout, everyOtherSeatToRowN, 3);

        assertThat(answer).contains(List.of("O9", "O10", "O11"));
        assertThat(layout.capacity()).isEqualTo(300);
    }
}
