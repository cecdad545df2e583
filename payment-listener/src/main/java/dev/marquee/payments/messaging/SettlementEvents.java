package dev.marquee.payments.messaging;

import java.util.List;

import dev.marquee.events.OrderPaid;
import dev.marquee.events.PaymentFailed;
import dev.marquee.events.RefundRequested;
import dev.marquee.events.TicketsIssued;
import dev.marquee.payments.OrderSnapshot;
import dev.marquee.payments.Settled;
import dev.marquee.payments.Trade;
import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The events a settled trade causes, keyed by order. Everything in them comes from the recorded trade and the
 * order, and their ids from the trade, so the events of a trade are the same however often they are sent.
 */
final class SettlementEvents {

    private SettlementEvents() {
    }

    static List<ProducerRecord<String, Object>> of(Settled settled) {
        Trade trade = settled.trade();
        return switch (trade.outcome()) {
            case PAID -> {
                OrderSnapshot order = settled.order().orElseThrow(() -> new IllegalStateException(
                        "paid trade " + trade.tradeNo() + " names order " + trade.orderId() + " which is gone"));
                yield List.of(record(Topics.SEAT_EVENTS, trade, ticketsIssued(trade, order)),
                        record(Topics.ORDER_EVENTS, trade, orderPaid(trade, order)));
            }
            case REFUND -> List.of(record(Topics.ORDER_EVENTS, trade, refundRequested(trade)));
            case FLAGGED -> List.of(record(Topics.ORDER_EVENTS, trade, paymentFailed(trade, true)));
            case FAILED -> List.of(record(Topics.ORDER_EVENTS, trade, paymentFailed(trade, false)));
        };
    }

    /** The refund's id at the gateway: the id of the trade's RefundRequested. */
    static String refundId(Trade trade) {
        return EventIds.ofTrade("RefundRequested", trade.gateway(), trade.tradeNo());
    }

    private static ProducerRecord<String, Object> record(String topic, Trade trade, Object event) {
        return new ProducerRecord<>(topic, trade.orderId(), event);
    }

    private static TicketsIssued ticketsIssued(Trade trade, OrderSnapshot order) {
        return TicketsIssued.newBuilder()
                .setEventId(EventIds.ofTrade("TicketsIssued", trade.gateway(), trade.tradeNo()))
                .setOccurredAt(trade.decidedAt())
                .setOrderId(trade.orderId())
                .setScreeningId(order.screeningId())
                .setHallId(order.hallId())
                .setMovieId(order.movieId())
                .setCinemaId(order.cinemaId())
                .setSeats(trade.seats())
                .setAmountMinor(trade.amountMinor())
                .setCurrency(trade.currency())
                .setFencingToken(trade.fencingToken())
                .build();
    }

    private static OrderPaid orderPaid(Trade trade, OrderSnapshot order) {
        return OrderPaid.newBuilder()
                .setEventId(EventIds.ofTrade("OrderPaid", trade.gateway(), trade.tradeNo()))
                .setOccurredAt(trade.decidedAt())
                .setOrderId(trade.orderId())
                .setTradeNo(trade.tradeNo())
                .setAmountMinor(trade.amountMinor())
                .setCurrency(trade.currency())
                .setMovieId(order.movieId())
                .setCinemaId(order.cinemaId())
                .setScreeningId(order.screeningId())
                .setGateway(trade.gateway())
                .setRetaken(trade.retaken())
                .setPaymentId(trade.paymentId())
                .build();
    }

    private static RefundRequested refundRequested(Trade trade) {
        return RefundRequested.newBuilder()
                .setEventId(refundId(trade))
                .setOccurredAt(trade.decidedAt())
                .setOrderId(trade.orderId())
                .setAmountMinor(trade.amountMinor())
                .setCurrency(trade.currency())
                .setReason(trade.reason().name())
                .setTradeNo(trade.tradeNo())
                .setGateway(trade.gateway())
                .setPaymentId(trade.paymentId())
                .build();
    }

    private static PaymentFailed paymentFailed(Trade trade, boolean flagged) {
        return PaymentFailed.newBuilder()
                .setEventId(EventIds.ofTrade("PaymentFailed", trade.gateway(), trade.tradeNo()))
                .setOccurredAt(trade.decidedAt())
                .setOrderId(trade.orderId())
                .setPaymentId(trade.paymentId())
                .setGateway(trade.gateway())
                .setTradeNo(trade.tradeNo())
                .setTradeStatus(trade.tradeStatus())
                .setReason(trade.reason().name())
                .setFlagged(flagged)
                .setAmountMinor(trade.amountMinor())
                .setCurrency(trade.currency())
                .build();
    }
}
