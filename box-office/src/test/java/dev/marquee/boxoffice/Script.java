package dev.marquee.boxoffice;

import static dev.marquee.boxoffice.Events.orderExpired;
import static dev.marquee.boxoffice.Events.orderPaid;
import static dev.marquee.boxoffice.Events.refundCompleted;
import static dev.marquee.boxoffice.Events.refundRequested;
import static dev.marquee.boxoffice.Events.seatsHeld;
import static dev.marquee.boxoffice.Events.seatsReleased;
import static dev.marquee.boxoffice.Events.ticketsIssued;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A scripted run of orders, each with its fate, and the events the services publish for it in causal order. The
 * expected figures are computed from the orders and their fates alone, as one would from order-api's orders table
 * (paid and not refunded), independently of the box office's tally.
 */
final class Script {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    enum Fate {
        /** Paid and ticketed. */
        PAID(true),
        /** Paid; TicketsIssued published before OrderPaid. */
        TICKETS_FIRST(true),
        /** Paid, ticketed, then the payment refunded. */
        REFUNDED(false),
        /** Paid, refunded, and only then TicketsIssued seen. */
        REFUNDED_BEFORE_TICKETS(false),
        /** Held, never paid: seats released, order expired. */
        EXPIRED(false),
        /** Expired, then money came late for seats gone: refunded, never sold. */
        LATE_MONEY_REFUNDED(false),
        /** Paid and ticketed; a second payment of the same order refunded. */
        SECOND_PAYMENT_REFUNDED(true);

        final boolean counts;

        Fate(boolean counts) {
            this.counts = counts;
        }
    }

    record Order(String id, long movie, long cinema, int seats, long amountMinor, Instant paidAt, Fate fate) {

        LocalDate day() {
            return LocalDate.ofInstant(paidAt, SHANGHAI);
        }

        String tradeNo() {
            return "T-" + id;
        }

        List<ProducerRecord<String, Object>> events() {
            Instant at = paidAt;
            List<ProducerRecord<String, Object>> events = new ArrayList<>();
            seat(events, seatsHeld(id, movie, cinema, seats, at.minusSeconds(60)));
            switch (fate) {
                case PAID, SECOND_PAYMENT_REFUNDED -> {
                    seat(events, ticketsIssued(id, movie, cinema, seats, amountMinor, at));
                    order(events, orderPaid(id, tradeNo(), movie, cinema, amountMinor, at));
                    if (fate == Fate.SECOND_PAYMENT_REFUNDED) {
                        order(events, refundRequested(id, "T2-" + id, amountMinor, at.plusSeconds(30)));
                        order(events, refundCompleted(id, "T2-" + id, amountMinor, at.plusSeconds(40)));
                    }
                }
                case TICKETS_FIRST -> {
                    seat(events, ticketsIssued(id, movie, cinema, seats, amountMinor, at));
                    order(events, orderPaid(id, tradeNo(), movie, cinema, amountMinor, at));
                }
                case REFUNDED -> {
                    seat(events, ticketsIssued(id, movie, cinema, seats, amountMinor, at));
                    order(events, orderPaid(id, tradeNo(), movie, cinema, amountMinor, at));
                    order(events, refundCompleted(id, tradeNo(), amountMinor, at.plusSeconds(600)));
                }
                case REFUNDED_BEFORE_TICKETS -> {
                    order(events, orderPaid(id, tradeNo(), movie, cinema, amountMinor, at));
                    order(events, refundCompleted(id, tradeNo(), amountMinor, at.plusSeconds(600)));
                    seat(events, ticketsIssued(id, movie, cinema, seats, amountMinor, at));
                }
                case EXPIRED, LATE_MONEY_REFUNDED -> {
                    seat(events, seatsReleased(id, movie, cinema, seats, at.plusSeconds(900)));
                    order(events, orderExpired(id, at.plusSeconds(900)));
                    if (fate == Fate.LATE_MONEY_REFUNDED) {
                        order(events, refundRequested(id, tradeNo(), amountMinor, at.plusSeconds(1000)));
                        order(events, refundCompleted(id, tradeNo(), amountMinor, at.plusSeconds(1010)));
                    }
                }
            }
            return events;
        }

        private void seat(List<ProducerRecord<String, Object>> events, Object event) {
            events.add(new ProducerRecord<>(Topics.SEAT_EVENTS, id, event));
        }

        private void order(List<ProducerRecord<String, Object>> events, Object event) {
            events.add(new ProducerRecord<>(Topics.ORDER_EVENTS, id, event));
        }
    }

    /** A movie's expected place: revenue and tickets of the counted orders, and its exact share. */
    record Expected(long movieId, long revenueMinor, long tickets, BigDecimal share) {
    }

    final List<Order> orders = new ArrayList<>();
    private final String prefix;
    private List<ProducerRecord<String, Object>> events;

    Script(String prefix) {
        this.prefix = prefix;
    }

    Script order(long movie, long cinema, int seats, LocalDate day, String time, Fate fate) {
        Instant at = LocalDateTime.of(day, LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
        orders.add(new Order(prefix + "-" + (orders.size() + 1), movie, cinema, seats, 4_500L * seats, at, fate));
        events = null;
        return this;
    }

    /** The orders' events, made once: asked again, the same events (same ids), as a redelivery would be. */
    List<ProducerRecord<String, Object>> events() {
        if (events == null) {
            events = orders.stream().flatMap(o -> o.events().stream()).toList();
        }
        return events;
    }

    /** The movies of the counted orders paid from {@code from} to {@code to} in these cinemas (null: all), ranked. */
    static List<Expected> ranking(List<Order> orders, LocalDate from, LocalDate to, Set<Long> cinemas) {
        Map<Long, long[]> byMovie = new HashMap<>();
        for (Order o : orders) {
            if (o.fate().counts && !o.day().isBefore(from) && !o.day().isAfter(to)
                    && (cinemas == null || cinemas.contains(o.cinema()))) {
                long[] t = byMovie.computeIfAbsent(o.movie(), m -> new long[2]);
                t[0] += o.amountMinor();
                t[1] += o.seats();
            }
        }
        long total = byMovie.values().stream().mapToLong(t -> t[0]).sum();
        return byMovie.entrySet().stream()
                .map(e -> new Expected(e.getKey(), e.getValue()[0], e.getValue()[1],
                        BigDecimal.valueOf(e.getValue()[0]).divide(BigDecimal.valueOf(total), 4,
                                RoundingMode.HALF_EVEN)))
                .sorted(Comparator.comparingLong(Expected::revenueMinor).reversed()
                        .thenComparing(Comparator.comparingLong(Expected::tickets).reversed())
                        .thenComparingLong(Expected::movieId))
                .toList();
    }
}
