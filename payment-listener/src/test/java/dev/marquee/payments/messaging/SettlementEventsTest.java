package dev.marquee.payments.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.marquee.events.OrderPaid;
import dev.marquee.events.PaymentFailed;
import dev.marquee.events.RefundRequested;
import dev.marquee.events.TicketsIssued;
import dev.marquee.payments.OrderSnapshot;
import dev.marquee.payments.SettlementReason;
import dev.marquee.payments.Settled;
import dev.marquee.payments.Trade;
import dev.marquee.payments.TradeOutcome;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class SettlementEventsTest {

    static final Instant DECIDED = Instant.parse("2026-11-21T20:00:00.123Z");
    static final OrderSnapshot ORDER = new OrderSnapshot("order-1", "alice", 7, 3, 11, 5, 9_000, "CNY",
            Instant.parse("2026-11-22T20:00:00Z"));

    @Test
    void aPaidTradeIssuesTicketsAndPaysTheOrder() {
        List<ProducerRecord<String, Object>> records = SettlementEvents.of(settled(paid()));

        assertThat(records).extracting(ProducerRecord::topic, ProducerRecord::key)
                .containsExactly(tuple("seat-events", "order-1"),
                        tuple("order-events", "order-1"));
        TicketsIssued tickets = (TicketsIssued) records.get(0).value();
        assertThat(tickets.getSeats()).containsExactly("A1", "A2");
        assertThat(tickets.getFencingToken()).isEqualTo(42);
        assertThat(tickets.getMovieId()).isEqualTo(11);
        assertThat(tickets.getCinemaId()).isEqualTo(5);
        assertThat(tickets.getOccurredAt()).isEqualTo(DECIDED);
        OrderPaid paid = (OrderPaid) records.get(1).value();
        assertThat(paid.getRetaken()).isTrue();
        assertThat(paid.getGateway()).isEqualTo("alipay");
        assertThat(paid.getPaymentId()).isEqualTo("pay-1");
        assertThat(paid.getAmountMinor()).isEqualTo(9_000);
    }

    @Test
    void theSameTradeAlwaysCausesTheSameEvents() {
        Settled settled = settled(paid());

        assertThat(SettlementEvents.of(settled)).extracting(ProducerRecord::value)
                .isEqualTo(SettlementEvents.of(settled(paid())).stream().map(ProducerRecord::value).toList());
        assertThat(ids(settled)).doesNotHaveDuplicates();
    }

    @Test
    void anotherTradeCausesEventsWithOtherIds() {
        Trade other = new Trade("alipay", "T-2", "order-1", "pay-2", TradeOutcome.PAID, null, "TRADE_SUCCESS", 9_000,
                "CNY", List.of("A1", "A2"), true, 42L, DECIDED);

        assertThat(ids(settled(other))).doesNotContainAnyElementsOf(ids(settled(paid())));
    }

    @Test
    void aRefundIsRequestedWithAnIdTheGatewayCanDeduplicateOn() {
        Trade refund = unpaid(TradeOutcome.REFUND, SettlementReason.SEATS_GONE);

        List<ProducerRecord<String, Object>> records = SettlementEvents.of(settled(refund));

        assertThat(records).singleElement().satisfies(r -> assertThat(r.topic()).isEqualTo("order-events"));
        RefundRequested requested = (RefundRequested) records.get(0).value();
        assertThat(requested.getEventId()).isEqualTo(SettlementEvents.refundId(refund));
        assertThat(requested.getReason()).isEqualTo("SEATS_GONE");
        assertThat(requested.getTradeNo()).isEqualTo("T-1");
        assertThat(requested.getGateway()).isEqualTo("alipay");
    }

    @Test
    void flaggedMoneyIsAFlaggedPaymentFailure() {
        PaymentFailed failed = (PaymentFailed) SettlementEvents.of(settled(unpaid(TradeOutcome.FLAGGED,
                SettlementReason.AMOUNT_MISMATCH))).get(0).value();

        assertThat(failed.getFlagged()).isTrue();
        assertThat(failed.getReason()).isEqualTo("AMOUNT_MISMATCH");
    }

    @Test
    void aFailedTradeIsAnUnflaggedPaymentFailure() {
        PaymentFailed failed = (PaymentFailed) SettlementEvents.of(settled(unpaid(TradeOutcome.FAILED,
                SettlementReason.TRADE_FAILED))).get(0).value();

        assertThat(failed.getFlagged()).isFalse();
        assertThat(failed.getReason()).isEqualTo("TRADE_FAILED");
        assertThat(failed.getTradeStatus()).isEqualTo("TRADE_CLOSED");
    }

    private static Trade paid() {
        return new Trade("alipay", "T-1", "order-1", "pay-1", TradeOutcome.PAID, null, "TRADE_SUCCESS", 9_000, "CNY",
                List.of("A1", "A2"), true, 42L, DECIDED);
    }

    private static Trade unpaid(TradeOutcome outcome, SettlementReason reason) {
        return new Trade("alipay", "T-1", "order-1", "pay-1", outcome, reason, "TRADE_CLOSED", 9_000, "CNY",
                List.of(), false, null, DECIDED);
    }

    private static Settled settled(Trade trade) {
        return new Settled(trade, Optional.of(ORDER));
    }

    private static List<String> ids(Settled settled) {
        return SettlementEvents.of(settled).stream()
                .map(r -> ((SpecificRecord) r.value()).get(0).toString()).toList();
    }
}
