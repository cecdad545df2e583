package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AttentionTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void aPipelineThatKeepsUpNeedsNobody() {
        Attention attention = Attention.of(Map.of("order-api", "UP"), Map.of("order-requests-dlt", 0L),
                Map.of("seat-allocator", 59.9, "order-api", 0.0), Map.of("seat-allocator", 40L), 59L, MINUTE, MINUTE);

        assertThat(attention.needed()).isFalse();
    }

    @Test
    void aConsumerGroupStalledPastTheThresholdIsNamedWithItsLag() {
        Attention attention = Attention.of(Map.of("order-api", "UP"), Map.of(), Map.of("seat-allocator", 75.4),
                Map.of("seat-allocator", 12L), 0L, MINUTE, MINUTE);

        assertThat(attention.needed()).isTrue();
        assertThat(attention.problems()).containsExactly(
                "consumer group seat-allocator has not moved for 75 s with 12 records waiting (alarm at 60 s)");
    }

    @Test
    void anOldRequestedOrderIsAProblem() {
        Attention attention = Attention.of(Map.of(), Map.of(), Map.of(), Map.of(), 600L, MINUTE, MINUTE);

        assertThat(attention.problems()).containsExactly(
                "the oldest REQUESTED order has waited 600 s for the allocator (alarm at 60 s)");
    }

    @Test
    void servicesNotReadyAndDeadLettersWaitingAsBefore() {
        Attention attention = Attention.of(Map.of("ghost", "UNREACHABLE"), Map.of("order-requests-dlt", 1L),
                Map.of(), Map.of(), null, MINUTE, MINUTE);

        assertThat(attention.problems()).containsExactly("service ghost is UNREACHABLE",
                "1 dead letter wait in order-requests-dlt");
    }
}
