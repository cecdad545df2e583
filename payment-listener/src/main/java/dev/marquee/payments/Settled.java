package dev.marquee.payments;

import java.util.Optional;

/** A trade's recorded settlement with the order it concerns (absent when the order is unknown): what to publish. */
public record Settled(Trade trade, Optional<OrderSnapshot> order) {
}
