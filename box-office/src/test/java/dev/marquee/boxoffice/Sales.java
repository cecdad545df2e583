package dev.marquee.boxoffice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import dev.marquee.boxoffice.SaleEvent.Paid;
import dev.marquee.boxoffice.SaleEvent.Refunded;
import dev.marquee.boxoffice.SaleEvent.Ticketed;

/** Object Mother of sale events: payments at a time of day in Shanghai, their tickets and refunds. */
final class Sales {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 3, 14);

    private Sales() {
    }

    /** A payment of {@code amountMinor} CNY for the order, its trade {@code T-<order>}, at noon of {@link #DAY}. */
    static Paid paid(String order, long movie, long cinema, long amountMinor) {
        return paidAt(order, movie, cinema, amountMinor, at(DAY, "12:00"));
    }

    static Paid paidAt(String order, long movie, long cinema, long amountMinor, Instant when) {
        return new Paid(id(), order, "T-" + order, when, amountMinor, "CNY", movie, cinema);
    }

    static Ticketed tickets(String order, int seats) {
        return new Ticketed(id(), order, seats);
    }

    /** A refund of the order's counted payment. */
    static Refunded refund(String order, long amountMinor) {
        return new Refunded(id(), order, "T-" + order, amountMinor, "CNY");
    }

    /** A Shanghai wall-clock time of a day. */
    static Instant at(LocalDate day, String time) {
        return LocalDateTime.of(day, LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
