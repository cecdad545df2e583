package dev.marquee.allocator;

import static dev.marquee.allocator.HallLayouts.hall;
import static dev.marquee.allocator.HallLayouts.marked;
import static dev.marquee.allocator.HallLayouts.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SeatRulesTest {

    static final HallLayout SCREEN_ONE = hall("""
            A  W C . S S S S . C W
            B  W C . S S S S S S S
            H  L L L L . L L S
            """);

    final SeatRules rules = new SeatRules(6, 8);

    @Test
    void atMostSoManySeatsPerOrder() {
        assertThat(reason(order("B3", "B4", "B5", "B6", "B7", "B8"))).isEmpty();
        assertThat(reason(order("B3", "B4", "B5", "B6", "B7", "B8", "B9"))).hasValue("TOO_MANY_SEATS");
    }

    @Test
    void atMostSoManySeatsPerCustomerPerScreening() {
        List<String> four = List.of("B3", "B4", "B5", "B6");

        assertThat(reason(rules.check(SCREEN_ONE, Set.of(), four, 4))).isEmpty();
        assertThat(rules.check(SCREEN_ONE, Set.of(), four, 5)).hasValueSatisfying(violation -> {
            assertThat(violation.reason()).isEqualTo("CUSTOMER_LIMIT");
            assertThat(violation.detail()).contains("5 seats already", "4 more", "at most 8");
        });
    }

    @Test
    void everySeatMustBeInTheHallAndAskedForOnce() {
        assertThat(order("B3", "Z9", "A12")).hasValue(new SeatViolation("INVALID_SEAT", "not in this hall: Z9, A12"));
        assertThat(order("B3", "B3")).hasValue(new SeatViolation("INVALID_SEAT", "requested more than once: B3"));
        assertThat(reason(order())).hasValue("INVALID_SEAT");
    }

    @Test
    void loveSeatsGoInPairs() {
        assertThat(reason(order("H1", "H2"))).isEmpty();
        assertThat(order("H1")).hasValue(new SeatViolation("LOVE_SEAT_SPLIT", "H1 without H2"));
        assertThat(reason(order("H2", "H3"))).as("halves of two pairs").hasValue("LOVE_SEAT_SPLIT");
    }

    @Test
    void aCompanionSeatGoesWithAWheelchairSpaceOfItsRow() {
        assertThat(reason(order("A1", "A2"))).isEmpty();
        assertThat(reason(order("A1", "A7"))).as("same row, across the aisle").isEmpty();
        assertThat(reason(order("A8"))).as("a wheelchair space alone").isEmpty();
        assertThat(reason(order("A2"))).hasValue("WHEELCHAIR_POLICY");
        assertThat(order("A2", "B1")).hasValue(new SeatViolation("WHEELCHAIR_POLICY",
                "companion seat A2 without a wheelchair space in row A"));
    }

    @Test
    void noSeatLeftAloneBetweenTheOrderAndATakenSeat() {
        assertThat(orphan("X_OO__")).hasValue("A2");
        assertThat(orphan("__OO_X")).as("on the right").hasValue("A5");
        assertThat(orphan("_O_O__")).as("between two seats of the order").hasValue("A3");
        assertThat(orphan("X__OO_")).as("two free seats are a pair, not an orphan").isEmpty();
        assertThat(orphan("X__OOX")).as("filling up to the taken seat").isEmpty();
        assertThat(orphan("XOX___")).as("taking the lone seat itself").isEmpty();
    }

    @Test
    void theEndOfASegmentIsNotATakenSeat() {
        assertThat(orphan("_OO___")).as("row end").isEmpty();
        assertThat(orphan("__OO_.X")).as("a taken seat across the gap").isEmpty();
        assertThat(orphan("X._OO__")).as("a taken seat across the gap, on the left").isEmpty();
        assertThat(orphan("_O._OX")).as("a gap on either side").isEmpty();
    }

    @Test
    void aSeatAlreadyLeftAloneByOthersDoesNotBlockAnOrder() {
        assertThat(orphan("X_X__OO")).isEmpty();
        assertThat(orphan("X_X_OO_")).as("but a new one next to it does").hasValue("A4");
    }

    /**
     * The crafted order: six seats of the premiere hall placed between single-seat holds strand twelve seats,
     * more than the 255 characters the ledger keeps of a detail can name.
     */
    @Test
    void aDetailNamingManySeatsStaysWithinWhatTheLedgerKeeps() {
        HallLayout premiere = hall("""
                A SSSSSSSSSSSSSSSSSSSS
                B SSSSSSSSSSSSSSSSSSSS
                """);
        Set<String> singles = Set.of("A1", "A5", "A9", "A13", "A17", "B1", "B5", "B9");

        Optional<SeatViolation> violation = rules.check(premiere, singles,
                List.of("A3", "A7", "A11", "A15", "B3", "B7"), 0);

        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.reason()).isEqualTo("ORPHAN_SEAT");
            assertThat(v.detail()).hasSizeLessThanOrEqualTo(255)
                    .startsWith("A2 would be left alone; A4 would be left alone; ")
                    .matches(".*; … and \\d+ more");
            int named = v.detail().split("; ").length - 1;
            assertThat(v.detail()).endsWith("… and " + (12 - named) + " more");
        });
    }

    @Test
    void theFirstBrokenRuleIsTheOneReported() {
        assertThat(reason(rules.check(SCREEN_ONE, Set.of(), List.of("Z1", "Z2", "Z3", "Z4", "Z5", "Z6", "Z7"), 8)))
                .hasValue("TOO_MANY_SEATS");
        assertThat(reason(rules.check(SCREEN_ONE, Set.of(), List.of("Z1"), 8))).hasValue("CUSTOMER_LIMIT");
        assertThat(reason(order("H1", "Z9"))).hasValue("INVALID_SEAT");
        assertThat(reason(order("H1", "A2"))).hasValue("LOVE_SEAT_SPLIT");
        assertThat(reason(rules.check(SCREEN_ONE, Set.of("A1"), List.of("A2", "A4"), 0)))
                .as("an orphan at A3 too").hasValue("WHEELCHAIR_POLICY");
    }

    @Test
    void whetherTheSeatsAreFreeIsLeftToTheCaller() {
        assertThat(rules.check(SCREEN_ONE, Set.of("B3", "B4"), List.of("B3", "B4"), 0)).isEmpty();
    }

    @Test
    void limitsArePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SeatRules(0, 8));
        assertThatIllegalArgumentException().isThrownBy(() -> new SeatRules(6, 0));
    }

    private Optional<SeatViolation> order(String... seats) {
        return rules.check(SCREEN_ONE, Set.of(), List.of(seats), 0);
    }

    /** Orders the O seats of a row drawn like {@code "X_OO__"}; @return the detail naming the stranded seat */
    private Optional<String> orphan(String state) {
        HallLayout layout = row(state);
        Set<String> taken = marked(layout, "A " + state, 'X');
        List<String> ordered = List.copyOf(marked(layout, "A " + state, 'O'));
        return rules.check(layout, taken, ordered, 0)
                .map(violation -> {
                    assertThat(violation.reason()).isEqualTo("ORPHAN_SEAT");
                    return violation.detail().split(" ")[0];
                });
    }

    private static Optional<String> reason(Optional<SeatViolation> violation) {
        return violation.map(SeatViolation::reason);
    }
}
