package dev.marquee.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.marquee.launcher.bench.SeatBooks.ClaimRow;
import dev.marquee.launcher.bench.SeatBooks.Findings;
import dev.marquee.launcher.bench.SeatBooks.OrderRow;
import org.junit.jupiter.api.Test;

class SeatBooksTest {

    static final Map<Long, Set<String>> HALL = Map.of(7L, Set.of("A1", "A2", "A3", "A4"));

    final List<OrderRow> orders = new ArrayList<>();
    final List<ClaimRow> claims = new ArrayList<>();

    @Test
    void paidHeldAndReleasedOrdersThatAgreeWithTheirClaimsPass() {
        order("paid", "PAID", false, "A1");
        claim("A1", "paid", true);
        order("held", "HELD", true, "A2");
        claim("A2", "held", false);
        order("expired", "EXPIRED", false, "A3");
        order("rejected", "REJECTED", false, "A3", "A4");

        Findings findings = check(Set.of("paid", "held", "expired", "rejected"));

        assertThat(findings.ok()).isTrue();
        assertThat(List.of(findings.sold(), findings.held(), findings.free())).containsExactly(1L, 1L, 2L);
    }

    @Test
    void anAcceptedOrderThatOrderApiDoesNotKnowOrNeverDecidedIsLost() {
        order("waiting", "REQUESTED", false, "A1");

        assertThat(check(Set.of("waiting", "vanished")).lostOrders()).isEqualTo(2);
    }

    @Test
    void aSeatOfTwoLiveOrdersIsOversoldButALapsedHoldNoLongerCounts() {
        order("paid", "PAID", false, "A1");
        claim("A1", "paid", true);
        order("lapsed", "HELD", false, "A1");
        assertThat(check(Set.of()).oversold()).isZero();

        order("live", "HELD", true, "A1");
        assertThat(check(Set.of()).oversold()).isEqualTo(1);
    }

    @Test
    void aLapsedHoldMayHaveLostItsSeatsToANewerOrderButNeverOwnsASoldOne() {
        order("lapsed", "HELD", false, "A1", "A2");
        order("newer", "HELD", true, "A1");
        claim("A1", "newer", false);
        claim("A2", "lapsed", false);
        assertThat(check(Set.of()).inconsistentOrders()).isZero();

        claims.set(1, new ClaimRow(7, "A2", "lapsed", true));
        assertThat(check(Set.of()).inconsistentOrders()).isEqualTo(1);
    }

    @Test
    void anOrderWhoseStateDisagreesWithItsClaimsIsInconsistent() {
        order("paid-but-only-held", "PAID", false, "A1");
        claim("A1", "paid-but-only-held", false);
        order("expired-still-claiming", "EXPIRED", false, "A2");
        claim("A2", "expired-still-claiming", true);
        order("held-without-claim", "HELD", true, "A3");

        assertThat(check(Set.of()).inconsistentOrders()).isEqualTo(3);
    }

    @Test
    void aClaimOfNoOrderOwningThatSeatIsInconsistent() {
        order("held", "HELD", true, "A1");
        claim("A1", "held", false);
        claim("A2", "held", false);
        claim("A3", "ghost", true);

        assertThat(check(Set.of()).inconsistentOrders()).isEqualTo(2);
    }

    @Test
    void aClaimOnASeatTheHallDoesNotHaveBreaksSoldPlusHeldPlusFree() {
        order("held", "HELD", true, "Z9");
        claim("Z9", "held", false);

        assertThat(check(Set.of()).capacityMismatches()).isEqualTo(1);
    }

    private Findings check(Set<String> accepted) {
        return SeatBooks.check(accepted, orders, claims, HALL);
    }

    private void order(String id, String status, boolean holdLive, String... seats) {
        orders.add(new OrderRow(id, 7, status, holdLive, List.of(seats)));
    }

    private void claim(String seat, String order, boolean sold) {
        claims.add(new ClaimRow(7, seat, order, sold));
    }
}
