package dev.marquee.ledger;

import java.util.List;

/**
 * What a payment does to an order's seats of one screening: its holds (live or lapsed) become tickets, seats
 * nobody claims are claimed sold, and seats whose hold by another order lapsed are taken over sold.
 *
 * @param ownHolds       seats this order holds (a lapsed hold of its own is still its own to sell)
 * @param freeSeats      seats without any claim (released, cancelled, never written)
 * @param lapsedOfOthers claims of other orders whose hold had lapsed when read; taken over only if unchanged
 */
public record Sale(long screeningId, String orderId, String customerId, List<String> ownHolds,
                   List<String> freeSeats, List<SeatClaim> lapsedOfOthers) {

    public Sale {
        ownHolds = List.copyOf(ownHolds);
        freeSeats = List.copyOf(freeSeats);
        lapsedOfOthers = List.copyOf(lapsedOfOthers);
    }

    public boolean isEmpty() {
        return ownHolds.isEmpty() && freeSeats.isEmpty() && lapsedOfOthers.isEmpty();
    }
}
