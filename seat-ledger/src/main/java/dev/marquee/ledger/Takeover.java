package dev.marquee.ledger;

/** A new claim on a seat whose previous hold, by {@code previousOrderId}, lapsed. */
public record Takeover(SeatClaim claim, String previousOrderId) {
}
