package dev.marquee.boxoffice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the box office remembers of one order so that later events land right: the payment it counted (trade,
 * cell, amount), the tickets issued (possibly before the payment was known), and the refunds of that payment
 * already subtracted (their event ids, so a repeat subtracts nothing).
 */
public final class OrderSale {

    private static final int UNKNOWN = -1;

    private final String orderId;
    private String tradeNo;
    private Cell cell;
    private long amountMinor;
    private int tickets = UNKNOWN;
    private long refundedMinor;
    private List<String> refundEventIds;
    private boolean changed;

    OrderSale(String orderId) {
        this.orderId = Objects.requireNonNull(orderId, "orderId");
    }

    /** The state as saved; {@code tradeNo} and {@code cell} are null while unpaid, {@code tickets} while unknown. */
    public static OrderSale restore(String orderId, String tradeNo, Cell cell, long amountMinor, Integer tickets,
                                    long refundedMinor, List<String> refundEventIds) {
        OrderSale sale = new OrderSale(orderId);
        if ((tradeNo == null) != (cell == null)) {
            throw new IllegalArgumentException("order " + orderId + ": a paid sale has both a trade and a cell");
        }
        sale.tradeNo = tradeNo;
        sale.cell = cell;
        sale.amountMinor = amountMinor;
        sale.tickets = tickets == null ? UNKNOWN : tickets;
        sale.refundedMinor = refundedMinor;
        sale.refundEventIds = refundEventIds == null || refundEventIds.isEmpty() ? null : new ArrayList<>(refundEventIds);
        return sale;
    }

    public String orderId() {
        return orderId;
    }

    /** The counted payment's trade number, or null while unpaid. */
    public String tradeNo() {
        return tradeNo;
    }

    /** Where the sale counts, or null while unpaid. */
    public Cell cell() {
        return cell;
    }

    public long amountMinor() {
        return amountMinor;
    }

    /** The tickets issued, or null while no TicketsIssued came. */
    public Integer tickets() {
        return tickets == UNKNOWN ? null : tickets;
    }

    public long refundedMinor() {
        return refundedMinor;
    }

    public List<String> refundEventIds() {
        return refundEventIds == null ? List.of() : List.copyOf(refundEventIds);
    }

    public boolean isPaid() {
        return cell != null;
    }

    boolean isRefunded() {
        return refundEventIds != null;
    }

    boolean ticketsKnown() {
        return tickets != UNKNOWN;
    }

    /** Tickets that count in the cell: those issued, unless the sale was refunded. */
    int countedTickets() {
        return ticketsKnown() && !isRefunded() ? tickets : 0;
    }

    boolean changed() {
        return changed;
    }

    void pay(String tradeNo, Cell cell, long amountMinor) {
        this.tradeNo = tradeNo;
        this.cell = cell;
        this.amountMinor = amountMinor;
        changed = true;
    }

    void issue(int tickets) {
        this.tickets = tickets;
        changed = true;
    }

    boolean hasRefund(String eventId) {
        return refundEventIds != null && refundEventIds.contains(eventId);
    }

    void refund(String eventId, long amountMinor) {
        if (refundEventIds == null) {
            refundEventIds = new ArrayList<>(1);
        }
        refundEventIds.add(eventId);
        refundedMinor += amountMinor;
        changed = true;
    }

    @Override
    public String toString() {
        return "OrderSale[" + orderId + " trade=" + tradeNo + " cell=" + cell + " amount=" + amountMinor + " tickets="
                + tickets() + " refunded=" + refundedMinor + " " + refundEventIds() + "]";
    }
}
