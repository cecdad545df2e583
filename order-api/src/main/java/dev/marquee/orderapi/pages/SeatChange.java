package dev.marquee.orderapi.pages;

import java.util.List;

/** Seats of a screening that changed state (FREE, HELD or SOLD), as a page's seat map shows them. */
public record SeatChange(long screeningId, List<String> seats, String state) {
}
