package dev.marquee.boxoffice.replay;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.Set;

import dev.marquee.boxoffice.BoxOfficeTally;
import dev.marquee.boxoffice.RankedMovie;
import dev.marquee.boxoffice.Ranking;
import dev.marquee.boxoffice.RankingQuery;
import dev.marquee.boxoffice.SaleEvent;
import dev.marquee.boxoffice.messaging.SaleEvents;

/**
 * Folds replayed order and seat events into a {@link BoxOfficeTally}, as the live projection does, to recompute
 * rankings (or anything else the tally answers) over the replayed window. Only the window's events count: a refund
 * of a payment made before the window finds no counted sale and subtracts nothing. {@link Replay} feeds this sink
 * the sale events decoded straight from the records, without building the Avro records at all.
 */
public final class RankingsSink implements ReplaySink {

    private final BoxOfficeTally tally;
    private long saleEvents;

    public RankingsSink(ZoneId zone) {
        this(new BoxOfficeTally(zone));
    }

    public RankingsSink(BoxOfficeTally tally) {
        this.tally = tally;
    }

    private static final Set<String> SALE_TYPES = Set.of("OrderPaid", "TicketsIssued", "RefundCompleted");

    @Override
    public boolean wants(String type) {
        return SALE_TYPES.contains(type);
    }

    @Override
    public void accept(ReplayedEvent e) {
        SaleEvent event = SaleEvents.of(e.event());
        if (event != null) {
            apply(event);
        }
    }

    /** The replay's fast path: sale events decoded straight from the records (see {@code SaleDecoder}). */
    void apply(SaleEvent event) {
        tally.apply(event);
        saleEvents++;
    }

    public BoxOfficeTally tally() {
        return tally;
    }

    /** How many of the replayed events were sale events (OrderPaid, TicketsIssued, RefundCompleted). */
    public long saleEvents() {
        return saleEvents;
    }

    public Ranking ranking(RankingQuery query) {
        return tally.rank(query);
    }

    /** The ranking as a text table: rank, movie, revenue (minor units), tickets, share. */
    public static void print(Ranking ranking, Writer out) throws IOException {
        out.write("%-5s %-10s %18s %10s %8s%n".formatted("rank", "movie", "revenue", "tickets", "share"));
        for (RankedMovie m : ranking.movies()) {
            out.write("%-5d %-10d %18d %10d %8s%n".formatted(m.rank(), m.movieId(), m.revenueMinor(), m.tickets(),
                    m.share().toPlainString()));
        }
        out.write("total %s %d minor units, %d tickets, window %s..%s%n".formatted(
                ranking.currency() == null ? "-" : ranking.currency(), ranking.totalRevenueMinor(),
                ranking.totalTickets(), ranking.window().from() == null ? "" : ranking.window().from(),
                ranking.window().to() == null ? "" : ranking.window().to()));
        out.flush();
    }
}
