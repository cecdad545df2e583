package dev.marquee.schemas.serde;

import dev.marquee.events.OrderExpired;
import dev.marquee.events.OrderRequested;
import dev.marquee.events.PaymentCallbackReceived;
import dev.marquee.events.SeatsHeld;
import dev.marquee.events.TicketsIssued;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Example events of one order: two seats of screening 42 in hall 7. */
final class Events {

    static final String ORDER_ID = "order-1";
    private static final Instant NOW = Instant.parse("2026-11-21T18:30:00.123Z");

    private Events() {
    }

    static OrderRequested orderRequested() {
        return OrderRequested.newBuilder()
                .setEventId("6f1c1c1e-0000-4000-8000-000000000001").setOccurredAt(NOW).setOrderId(ORDER_ID)
                .setCustomerId("customer-9").setScreeningId(42).setHallId(7).setMovieId(3).setCinemaId(1)
                .setScreeningStartsAt(NOW.plusSeconds(7200)).setSeats(List.of("E7", "E8"))
                .setAmountMinor(9000).setCurrency("CNY")
                .build();
    }

    static SeatsHeld seatsHeld() {
        return SeatsHeld.newBuilder()
                .setEventId("6f1c1c1e-0000-4000-8000-000000000002").setOccurredAt(NOW).setOrderId(ORDER_ID)
                .setScreeningId(42).setHallId(7).setSeats(List.of("E7", "E8"))
                .setHoldDeadline(NOW.plusSeconds(900)).setFencingToken(17)
                .build();
    }

    static TicketsIssued ticketsIssued() {
        return TicketsIssued.newBuilder()
                .setEventId("6f1c1c1e-0000-4000-8000-000000000003").setOccurredAt(NOW).setOrderId(ORDER_ID)
                .setScreeningId(42).setHallId(7).setMovieId(3).setCinemaId(1).setSeats(List.of("E7", "E8"))
                .setAmountMinor(9000).setCurrency("CNY").setFencingToken(18)
                .build();
    }

    static PaymentCallbackReceived paymentCallbackReceived() {
        return PaymentCallbackReceived.newBuilder()
                .setEventId("6f1c1c1e-0000-4000-8000-000000000004").setOccurredAt(NOW).setOrderId(ORDER_ID)
                .setGateway("ALIPAY").setNotifyId("notify-1").setTradeNo("trade-1").setTradeStatus("TRADE_SUCCESS")
                .setAmountMinor(9000).setCurrency("CNY").setNotifiedAt(NOW)
                .setParams(Map.of("trade_status", "TRADE_SUCCESS", "sign_type", "RSA2"))
                .build();
    }

    static OrderExpired orderExpired() {
        return OrderExpired.newBuilder()
                .setEventId("6f1c1c1e-0000-4000-8000-000000000005").setOccurredAt(NOW).setOrderId(ORDER_ID)
                .build();
    }
}
