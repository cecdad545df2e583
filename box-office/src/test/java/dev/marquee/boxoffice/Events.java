package dev.marquee.boxoffice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.marquee.events.OrderExpired;
import dev.marquee.events.OrderPaid;
import dev.marquee.events.RefundCompleted;
import dev.marquee.events.RefundRequested;
import dev.marquee.events.SeatsHeld;
import dev.marquee.events.SeatsReleased;
import dev.marquee.events.TicketsIssued;

/** Object Mother of the Avro events the box office reads, as the services publish them. */
final class Events {

    private Events() {
    }

    static OrderPaid orderPaid(String order, String tradeNo, long movie, long cinema, long amountMinor, Instant at) {
        return orderPaid(order, tradeNo, movie, cinema, amountMinor, "CNY", at);
    }

    static OrderPaid orderPaid(String order, String tradeNo, long movie, long cinema, long amountMinor,
                               String currency, Instant at) {
        return OrderPaid.newBuilder().setEventId(id()).setOccurredAt(at).setOrderId(order).setTradeNo(tradeNo)
                .setAmountMinor(amountMinor).setCurrency(currency).setMovieId(movie).setCinemaId(cinema)
                .setScreeningId(movie * 100 + cinema).setGateway("alipay").setRetaken(false)
                .setPaymentId("pay-" + order).build();
    }

    static TicketsIssued ticketsIssued(String order, long movie, long cinema, int seats, long amountMinor,
                                       Instant at) {
        return TicketsIssued.newBuilder().setEventId(id()).setOccurredAt(at).setOrderId(order)
                .setScreeningId(movie * 100 + cinema).setHallId(cinema * 10).setMovieId(movie).setCinemaId(cinema)
                .setSeats(seats(seats)).setAmountMinor(amountMinor).setCurrency("CNY").setFencingToken(1).build();
    }

    static RefundCompleted refundCompleted(String order, String tradeNo, long amountMinor, Instant at) {
        String refundId = id();
        return RefundCompleted.newBuilder().setEventId(id()).setOccurredAt(at).setOrderId(order)
                .setPaymentId("pay-" + order).setRefundId(refundId).setGateway("alipay").setTradeNo(tradeNo)
                .setAmountMinor(amountMinor).setCurrency("CNY").build();
    }

    static RefundRequested refundRequested(String order, String tradeNo, long amountMinor, Instant at) {
        return RefundRequested.newBuilder().setEventId(id()).setOccurredAt(at).setOrderId(order)
                .setAmountMinor(amountMinor).setCurrency("CNY").setReason("SEATS_GONE").setTradeNo(tradeNo)
                .setGateway("alipay").setPaymentId("pay-" + order).build();
    }

    static SeatsHeld seatsHeld(String order, long movie, long cinema, int seats, Instant at) {
        return SeatsHeld.newBuilder().setEventId(id()).setOccurredAt(at).setOrderId(order)
                .setScreeningId(movie * 100 + cinema).setHallId(cinema * 10).setSeats(seats(seats))
                .setHoldDeadline(at.plusSeconds(900)).setFencingToken(1).build();
    }

    static SeatsReleased seatsReleased(String order, long movie, long cinema, int seats, Instant at) {
        return SeatsReleased.newBuilder().setEventId(id()).setOccurredAt(at).setOrderId(order)
                .setScreeningId(movie * 100 + cinema).setHallId(cinema * 10).setSeats(seats(seats))
                .setCause("EXPIRED").setFencingToken(2).build();
    }

    static OrderExpired orderExpired(String order, Instant at) {
        return OrderExpired.newBuilder().setEventId(id()).setOccurredAt(at).setOrderId(order).build();
    }

    private static List<String> seats(int count) {
        List<String> seats = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            seats.add("E" + i);
        }
        return seats;
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
