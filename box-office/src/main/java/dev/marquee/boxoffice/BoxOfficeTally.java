package dev.marquee.boxoffice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.marquee.boxoffice.SaleEvent.Paid;
import dev.marquee.boxoffice.SaleEvent.Refunded;
import dev.marquee.boxoffice.SaleEvent.Ticketed;

/**
 * Folds sale events into revenue and tickets per cell (movie, cinema, day, currency), remembering per order what
 * later events need. The live projection, the rebuild and the analysts' replay all fold with this class, so they
 * cannot disagree.
 * <ul>
 * <li>An order's first OrderPaid counts: its amount goes to the cell of its movie, cinema and paid day. Any later
 * OrderPaid of the order (a repeat, or a second payment) counts nothing.</li>
 * <li>The order's first TicketsIssued gives its ticket count; whether it comes before or after the OrderPaid, the
 * tickets land in the paid cell once the order is paid.</li>
 * <li>A RefundCompleted counts only if it refunds the counted payment (same order, trade and currency): it subtracts
 * its amount, and the first such refund subtracts the order's tickets. Each refund event counts once.</li>
 * </ul>
 * Events of one topic must come in their partition's order; events of different topics may interleave in any way,
 * with the same result. A tally {@link #resuming} saved orders holds only what the events it folded changed: cell
 * deltas and the changed orders, ready to be added to the saved figures.
 */
public final class BoxOfficeTally {

    private final ZoneId zone;
    private final Map<String, OrderSale> orders;
    private final Map<Cell, Figures> cells = new HashMap<>();

    public BoxOfficeTally(ZoneId zone) {
        this(zone, new HashMap<>());
    }

    private BoxOfficeTally(ZoneId zone, Map<String, OrderSale> orders) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.orders = orders;
    }

    /** A tally that continues from saved order states; its cells are then the changes to the saved cells. */
    public static BoxOfficeTally resuming(ZoneId zone, Collection<OrderSale> saved) {
        Map<String, OrderSale> orders = HashMap.newHashMap(saved.size());
        saved.forEach(sale -> orders.put(sale.orderId(), sale));
        return new BoxOfficeTally(zone, orders);
    }

    public ZoneId zone() {
        return zone;
    }

    public void apply(SaleEvent event) {
        switch (event) {
            case Paid paid -> paid(paid);
            case Ticketed ticketed -> ticketed(ticketed);
            case Refunded refunded -> refunded(refunded);
        }
    }

    private void paid(Paid paid) {
        OrderSale sale = orders.computeIfAbsent(paid.orderId(), OrderSale::new);
        if (sale.isPaid()) {
            return;
        }
        Figures figures = figures(new Cell(paid.movieId(), paid.cinemaId(),
                LocalDate.ofInstant(paid.paidAt(), zone), paid.currency()));
        sale.pay(paid.tradeNo(), figures.cell, paid.amountMinor());
        figures.add(paid.amountMinor(), sale.countedTickets());
    }

    private void ticketed(Ticketed ticketed) {
        OrderSale sale = orders.computeIfAbsent(ticketed.orderId(), OrderSale::new);
        if (sale.ticketsKnown()) {
            return;
        }
        sale.issue(ticketed.tickets());
        if (sale.isPaid()) {
            figures(sale.cell()).add(0, sale.countedTickets());
        }
    }

    private void refunded(Refunded refund) {
        OrderSale sale = orders.get(refund.orderId());
        if (sale == null || !sale.isPaid() || !refund.tradeNo().equals(sale.tradeNo())
                || !refund.currency().equals(sale.cell().currency()) || sale.hasRefund(refund.eventId())) {
            return;
        }
        int ticketsBefore = sale.countedTickets();
        sale.refund(refund.eventId(), refund.amountMinor());
        figures(sale.cell()).add(-refund.amountMinor(), -ticketsBefore);
    }

    /** The figures of a cell; their {@code cell} is the one instance every sale of the cell shares. */
    private Figures figures(Cell cell) {
        return cells.computeIfAbsent(cell, Figures::new);
    }

    /** Every cell a payment reached (also those a refund brought back to zero), in primary-key order. */
    public List<CellFigures> cells() {
        List<CellFigures> all = new ArrayList<>(cells.size());
        cells.values().forEach(f -> all.add(new CellFigures(f.cell, f.revenueMinor, f.tickets)));
        all.sort((a, b) -> a.cell().compareTo(b.cell()));
        return all;
    }

    public int cellCount() {
        return cells.size();
    }

    public int orderCount() {
        return orders.size();
    }

    public Collection<OrderSale> orders() {
        return orders.values();
    }

    /** The orders whose state the folded events changed (for a resuming tally: the ones to save). */
    public List<OrderSale> changedOrders() {
        return orders.values().stream().filter(OrderSale::changed).toList();
    }

    /** The top movies by revenue in the query's window, scope and currency. */
    public Ranking rank(RankingQuery query) {
        Map<MovieTotal.Key, long[]> totals = new HashMap<>();
        cells.forEach((cell, f) -> {
            if (query.window().contains(cell.day()) && query.scope().includes(cell.cinemaId())) {
                long[] t = totals.computeIfAbsent(new MovieTotal.Key(cell.movieId(), cell.currency()), k -> new long[2]);
                t[0] += f.revenueMinor;
                t[1] += f.tickets;
            }
        });
        List<MovieTotal> movies = new ArrayList<>(totals.size());
        totals.forEach((k, t) -> movies.add(new MovieTotal(k.movieId(), k.currency(), t[0], t[1])));
        return Rankings.rank(movies, query);
    }

    /** One movie's revenue and tickets per day in the query's window, scope and currency. */
    public Series series(long movieId, SeriesQuery query) {
        Map<DayTotal.Key, long[]> totals = new HashMap<>();
        cells.forEach((cell, f) -> {
            if (cell.movieId() == movieId && query.window().contains(cell.day())
                    && query.scope().includes(cell.cinemaId())) {
                long[] t = totals.computeIfAbsent(new DayTotal.Key(cell.day(), cell.currency()), k -> new long[2]);
                t[0] += f.revenueMinor;
                t[1] += f.tickets;
            }
        });
        List<DayTotal> days = new ArrayList<>(totals.size());
        totals.forEach((k, t) -> days.add(new DayTotal(k.day(), k.currency(), t[0], t[1])));
        return Series.of(movieId, days, query);
    }

    private static final class Figures {

        final Cell cell;
        long revenueMinor;
        long tickets;

        Figures(Cell cell) {
            this.cell = cell;
        }

        void add(long revenueMinor, long tickets) {
            this.revenueMinor = Math.addExact(this.revenueMinor, revenueMinor);
            this.tickets += tickets;
        }
    }
}
