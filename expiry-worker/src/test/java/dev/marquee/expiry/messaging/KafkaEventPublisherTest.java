package dev.marquee.expiry.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.marquee.events.HoldExtended;
import dev.marquee.events.OrderExpired;
import dev.marquee.events.SeatsReleased;
import dev.marquee.expiry.ExpiryEvent;
import dev.marquee.schemas.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KafkaEventPublisherTest {

    static final Instant NOW = Instant.parse("2026-11-21T20:00:00Z");

    @Test
    void releasedSeatsGoToSeatEventsKeyedByOrder() {
        ProducerRecord<String, Object> record = KafkaEventPublisher.record(new ExpiryEvent.SeatsReleased("e-1", NOW,
                "order-1", 7, 3, List.of("A1", "A2"), 41));

        assertThat(record.topic()).isEqualTo(Topics.SEAT_EVENTS);
        assertThat(record.key()).isEqualTo("order-1");
        assertThat(record.value()).isEqualTo(SeatsReleased.newBuilder().setEventId("e-1").setOccurredAt(NOW)
                .setOrderId("order-1").setScreeningId(7).setHallId(3).setSeats(List.of("A1", "A2"))
                .setCause("EXPIRED").setFencingToken(41).build());
    }

    @Test
    void anExpiredOrderGoesToOrderEvents() {
        ProducerRecord<String, Object> record = KafkaEventPublisher.record(
                new ExpiryEvent.OrderExpired("e-2", NOW, "order-1"));

        assertThat(record.topic()).isEqualTo(Topics.ORDER_EVENTS);
        assertThat(record.key()).isEqualTo("order-1");
        assertThat(record.value()).isEqualTo(OrderExpired.newBuilder().setEventId("e-2").setOccurredAt(NOW)
                .setOrderId("order-1").build());
    }

    @Test
    void anExtensionGoesToSeatEventsWithBothDeadlines() {
        ProducerRecord<String, Object> record = KafkaEventPublisher.record(new ExpiryEvent.HoldExtended("e-3", NOW,
                "order-1", 7, 3, List.of("A1"), NOW.minusSeconds(1), NOW.plusSeconds(300), 41));

        assertThat(record.topic()).isEqualTo(Topics.SEAT_EVENTS);
        assertThat(record.value()).isInstanceOfSatisfying(HoldExtended.class, e -> {
            assertThat(e.getPreviousDeadline()).isEqualTo(NOW.minusSeconds(1));
            assertThat(e.getHoldDeadline()).isEqualTo(NOW.plusSeconds(300));
            assertThat(e.getReason()).isEqualTo("PAYMENT_PENDING");
            assertThat(e.getSeats()).containsExactly("A1");
        });
    }
}
