package dev.marquee.boxoffice;

import static dev.marquee.boxoffice.Sales.DAY;
import static dev.marquee.boxoffice.Sales.SHANGHAI;
import static dev.marquee.boxoffice.Sales.at;
import static dev.marquee.boxoffice.Sales.paid;
import static dev.marquee.boxoffice.Sales.paidAt;
import static dev.marquee.boxoffice.Sales.refund;
import static dev.marquee.boxoffice.Sales.tickets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import dev.marquee.boxoffice.SaleEvent.Paid;
import dev.marquee.boxoffice.SaleEvent.Refunded;
import dev.marquee.boxoffice.SaleEvent.Ticketed;
import org.junit.jupiter.api.Test;

class BoxOfficeTallyTest {

    final BoxOfficeTally tally = new BoxOfficeTally(SHANGHAI);

    @Test
    void aPaidOrderCountsItsAmountAndItsTicketsInTheCellOfItsMovieCinemaAndDay() {
        fold(paid("o1", 7, 1, 9_000), tickets("o1", 2));

        assertThat(tally.cells()).containsExactly(cell(7, 1, DAY, 9_000, 2));
    }

    @Test
    void ticketsIssuedBeforeThePaymentLandInThePaidCellOnceItIsPaid() {
        fold(tickets("o1", 3));
        assertThat(tally.cells()).isEmpty();

        fold(paid("o1", 7, 1, 13_500));

        assertThat(tally.cells()).containsExactly(cell(7, 1, DAY, 13_500, 3));
    }

    @Test
    void ticketsOfAnOrderNeverPaidCountNothing() {
        fold(tickets("o1", 3));

        assertThat(tally.rank(RankingQuery.top(10, DayWindow.all())).movies()).isEmpty();
    }

    @Test
    void aRepeatedEventCountsOnce() {
        Paid paid = paid("o1", 7, 1, 9_000);
        Ticketed tickets = tickets("o1", 2);
        Refunded refund = refund("o1", 4_000);

        fold(paid, tickets, paid, tickets, refund, refund, paid);

        assertThat(tally.cells()).containsExactly(cell(7, 1, DAY, 5_000, 0));
    }

    @Test
    void aSecondPaymentOfAPaidOrderCountsNothing() {
        fold(paid("o1", 7, 1, 9_000), new Paid(Sales.id(), "o1", "T-second", at(DAY, "12:05"), 9_000, "CNY", 7, 1),
                tickets("o1", 2));

        assertThat(tally.cells()).containsExactly(cell(7, 1, DAY, 9_000, 2));
    }

    @Test
    void aRefundOfTheCountedPaymentSubtractsItsAmountAndTheOrdersTickets() {
        fold(paid("o1", 7, 1, 9_000), tickets("o1", 2), paid("o2", 7, 1, 4_500), tickets("o2", 1));

        fold(refund("o1", 9_000));

        assertThat(tally.cells()).containsExactly(cell(7, 1, DAY, 4_500, 1));
    }

    @Test
    void aRefundBeforeTheTicketsLeavesThemUncounted() {
        fold(paid("o1", 7, 1, 9_000), refund("o1", 9_000), tickets("o1", 2));

        assertThat(tally.cells()).containsExactly(cell(7, 1, DAY, 0, 0));
    }

    @Test
    void aSecondRefundOfTheCountedPaymentSubtractsItsAmountButNoMoreTickets() {
        fold(paid("o1", 7, 1, 9_000), tickets("o1", 2), refund("o1", 4_500), refund("o1", 4_500));

        assertThat(tally.cells()).containsExactly(cell(7, 1, DAY, 0, 0));
    }

    @Test
    void aRefundOfAnotherPaymentOfTheOrderDoesNotTouchTheFigures() {
        fold(paid("o1", 7, 1, 9_000), tickets("o1", 2));

        fold(new Refunded(Sales.id(), "o1", "T-second", 9_000, "CNY"));

        assertThat(tally.cells()).containsExactly(cell(7, 1, DAY, 9_000, 2));
    }

    @Test
    void aRefundOfMoneyThatNeverBoughtSeatsDoesNotTouchTheFigures() {
        fold(refund("late", 9_000), paid("o1", 7, 1, 9_000));

        assertThat(tally.cells()).containsExactly(cell(7, 1, DAY, 9_000, 0));
        assertThat(tally.orderCount()).isEqualTo(1);
    }

    @Test
    void aRefundInAnotherCurrencyThanThePaymentDoesNotTouchTheFigures() {
        fold(paid("o1", 7, 1, 9_000), new Refunded(Sales.id(), "o1", "T-o1", 9_000, "USD"));

        assertThat(tally.cells()).containsExactly(cell(7, 1, DAY, 9_000, 0));
    }

    @Test
    void theDayIsTheDayThePaymentWasMadeInTheConfiguredZone() {
        fold(paidAt("late", 7, 1, 100, at(DAY, "23:59:59.999")), paidAt("early", 7, 1, 200, at(DAY.plusDays(1),
                "00:00")));

        assertThat(tally.cells()).containsExactly(cell(7, 1, DAY, 100, 0), cell(7, 1, DAY.plusDays(1), 200, 0));
    }

    @Test
    void theSamePaymentsFallOnOtherDaysInAnotherZone() {
        BoxOfficeTally utc = new BoxOfficeTally(ZoneOffset.UTC);

        utc.apply(paidAt("o1", 7, 1, 100, at(DAY, "07:59")));
        utc.apply(paidAt("o2", 7, 1, 200, at(DAY, "08:00")));

        assertThat(utc.cells()).containsExactly(cell(7, 1, DAY.minusDays(1), 100, 0), cell(7, 1, DAY, 200, 0));
    }

    @Test
    void anyInterleavingOfTheTwoTopicsGivesTheSameFigures() {
        List<SaleEvent> orderEvents = new ArrayList<>();
        List<SaleEvent> seatEvents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String order = "o" + i;
            orderEvents.add(paid(order, i % 7, i % 3, 1_000 + i));
            seatEvents.add(tickets(order, 1 + i % 4));
            if (i % 5 == 0) {
                orderEvents.add(refund(order, 1_000 + i));
            }
        }
        BoxOfficeTally inOrder = new BoxOfficeTally(SHANGHAI);
        orderEvents.forEach(inOrder::apply);
        seatEvents.forEach(inOrder::apply);

        Random random = new Random(42);
        for (int run = 0; run < 20; run++) {
            BoxOfficeTally shuffled = new BoxOfficeTally(SHANGHAI);
            interleave(orderEvents, seatEvents, random).forEach(shuffled::apply);
            assertThat(shuffled.cells()).isEqualTo(inOrder.cells());
        }
    }

    @Test
    void aTallyResumingSavedOrdersHoldsOnlyTheChangesTheyCause() {
        fold(paid("o1", 7, 1, 9_000), tickets("o1", 2), tickets("o2", 1));
        List<OrderSale> saved = tally.orders().stream().map(BoxOfficeTallyTest::copy).toList();

        BoxOfficeTally batch = BoxOfficeTally.resuming(SHANGHAI, saved);
        batch.apply(refund("o1", 9_000));
        batch.apply(paid("o2", 8, 1, 4_500));
        batch.apply(paid("o3", 8, 1, 4_500));

        assertThat(batch.cells()).containsExactly(cell(7, 1, DAY, -9_000, -2), cell(8, 1, DAY, 9_000, 1));
        assertThat(batch.changedOrders()).extracting(OrderSale::orderId).containsExactlyInAnyOrder("o1", "o2", "o3");
    }

    @Test
    void rankingsAreByRevenueWithExactSharesOfTheWholeWindow() {
        fold(paid("a", 1, 1, 5_000), tickets("a", 1), paid("b", 2, 1, 3_000), tickets("b", 1),
                paid("c", 3, 1, 2_000), tickets("c", 1), paid("d", 2, 1, 1), tickets("d", 1));

        Ranking ranking = tally.rank(RankingQuery.top(2, DayWindow.day(DAY)));

        assertThat(ranking.currency()).isEqualTo("CNY");
        assertThat(ranking.totalRevenueMinor()).isEqualTo(10_001);
        assertThat(ranking.totalTickets()).isEqualTo(4);
        assertThat(ranking.movies()).extracting(RankedMovie::rank, RankedMovie::movieId, RankedMovie::revenueMinor,
                RankedMovie::tickets, m -> m.share().toPlainString())
                .containsExactly(tuple(1, 1L, 5_000L, 1L, "0.5000"),
                        tuple(2, 2L, 3_001L, 2L, "0.3001"));
    }

    @Test
    void sharesRoundHalfToEvenAtFourDecimals() {
        assertThat(Rankings.share(1, 32)).hasToString("0.0312");
        assertThat(Rankings.share(3, 32)).hasToString("0.0938");
        assertThat(Rankings.share(1, 3)).hasToString("0.3333");
        assertThat(Rankings.share(7, 7)).hasToString("1.0000");
        assertThat(Rankings.share(0, 0)).hasToString("0.0000");
    }

    @Test
    void tiesAreOrderedByTicketsThenByMovieId() {
        fold(paid("a", 9, 1, 1_000), tickets("a", 1), paid("b", 4, 1, 1_000), tickets("b", 1),
                paid("c", 6, 1, 1_000), tickets("c", 2));

        assertThat(tally.rank(RankingQuery.top(10, DayWindow.all())).movies()).extracting(RankedMovie::movieId)
                .containsExactly(6L, 4L, 9L);
    }

    @Test
    void aMovieWhoseSalesWereAllRefundedIsNotRanked() {
        fold(paid("a", 1, 1, 5_000), paid("b", 2, 1, 3_000), refund("b", 3_000));

        assertThat(tally.rank(RankingQuery.top(10, DayWindow.all())).movies()).extracting(RankedMovie::movieId)
                .containsExactly(1L);
    }

    @Test
    void aWindowCountsTheSalesPaidOnItsDaysOnly() {
        fold(paidAt("before", 1, 1, 100, at(DAY.minusDays(1), "23:00")), paid("in", 1, 1, 200),
                paidAt("last", 2, 1, 300, at(DAY.plusDays(1), "10:00")),
                paidAt("after", 1, 1, 400, at(DAY.plusDays(2), "00:00")));

        Ranking ranking = tally.rank(RankingQuery.top(10, new DayWindow(DAY, DAY.plusDays(1))));

        assertThat(ranking.totalRevenueMinor()).isEqualTo(500);
        assertThat(ranking.movies()).extracting(RankedMovie::movieId).containsExactly(2L, 1L);
    }

    @Test
    void aCinemaScopeCountsTheSalesOfItsCinemasOnly() {
        fold(paid("a", 1, 10, 100), paid("b", 2, 20, 200), paid("c", 1, 30, 400));

        Ranking oneCinema = tally.rank(new RankingQuery(DayWindow.all(), CinemaScope.of(List.of(10L)), null, 10));
        Ranking city = tally.rank(new RankingQuery(DayWindow.all(), CinemaScope.of(List.of(20L, 30L)), null, 10));
        Ranking nowhere = tally.rank(new RankingQuery(DayWindow.all(), CinemaScope.of(List.of()), null, 10));

        assertThat(oneCinema.movies()).extracting(RankedMovie::movieId, RankedMovie::revenueMinor)
                .containsExactly(tuple(1L, 100L));
        assertThat(city.movies()).extracting(RankedMovie::movieId, RankedMovie::revenueMinor)
                .containsExactly(tuple(1L, 400L),
                        tuple(2L, 200L));
        assertThat(nowhere.movies()).isEmpty();
        assertThat(nowhere.currency()).isNull();
    }

    @Test
    void currenciesAreNeverAddedUp() {
        fold(paid("a", 1, 1, 100), new Paid(Sales.id(), "b", "T-b", at(DAY, "12:00"), 50, "USD", 1, 1));

        assertThat(tally.rank(new RankingQuery(DayWindow.all(), CinemaScope.all(), "USD", 10)).totalRevenueMinor())
                .isEqualTo(50);
        assertThatThrownBy(() -> tally.rank(RankingQuery.top(10, DayWindow.all())))
                .isInstanceOf(MixedCurrenciesException.class)
                .satisfies(e -> assertThat(((MixedCurrenciesException) e).currencies()).containsExactly("CNY", "USD"));
    }

    @Test
    void aSeriesHasEveryDayFromTheFirstToTheLastSaleOfTheWindow() {
        fold(paid("a", 1, 1, 100), tickets("a", 1), paidAt("b", 1, 2, 300, at(DAY.plusDays(2), "09:00")),
                paidAt("c", 2, 1, 999, at(DAY.plusDays(1), "09:00")),
                paidAt("d", 1, 1, 500, at(DAY.plusDays(9), "09:00")));

        Series series = tally.series(1, SeriesQuery.of(new DayWindow(DAY.minusDays(5), DAY.plusDays(3))));

        assertThat(series.currency()).isEqualTo("CNY");
        assertThat(series.points()).containsExactly(new DailyPoint(DAY, 100, 1), new DailyPoint(DAY.plusDays(1), 0, 0),
                new DailyPoint(DAY.plusDays(2), 300, 0));
    }

    @Test
    void badQueriesAreRefusedWithTheirCode() {
        assertThatThrownBy(() -> new DayWindow(DAY, DAY.minusDays(1)))
                .isInstanceOf(InvalidQueryException.class).extracting("code").isEqualTo("invalid-window");
        assertThatThrownBy(() -> RankingQuery.top(0, DayWindow.all()))
                .isInstanceOf(InvalidQueryException.class).extracting("code").isEqualTo("invalid-limit");
        assertThatThrownBy(() -> RankingQuery.top(101, DayWindow.all()))
                .isInstanceOf(InvalidQueryException.class).extracting("code").isEqualTo("invalid-limit");
    }

    private void fold(SaleEvent... events) {
        for (SaleEvent event : events) {
            tally.apply(event);
        }
    }

    private static CellFigures cell(long movie, long cinema, LocalDate day, long revenue, long tickets) {
        return new CellFigures(new Cell(movie, cinema, day, "CNY"), revenue, tickets);
    }

    private static OrderSale copy(OrderSale s) {
        return OrderSale.restore(s.orderId(), s.tradeNo(), s.cell(), s.amountMinor(), s.tickets(), s.refundedMinor(),
                s.refundEventIds());
    }

    /** The two topics' events merged at random, each topic's own order kept (as two partitions are consumed). */
    private static List<SaleEvent> interleave(List<SaleEvent> a, List<SaleEvent> b, Random random) {
        List<Boolean> picks = new ArrayList<>(Collections.nCopies(a.size(), true));
        picks.addAll(Collections.nCopies(b.size(), false));
        Collections.shuffle(picks, random);
        List<SaleEvent> merged = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (boolean fromA : picks) {
            merged.add(fromA ? a.get(i++) : b.get(j++));
        }
        return merged;
    }
}
