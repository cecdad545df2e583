package dev.marquee.orderapi.ratelimit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RateLimitFilterTest {

    @Test
    void theScreeningOfAnOrderIsFoundWithoutParsingTheJson() {
        assertThat(RateLimitFilter.screening(bytes("{\"customerId\":\"c\",\"screeningId\": 42,\"anySeats\":2}")))
                .contains("42");
        assertThat(RateLimitFilter.screening(bytes("{\"screeningId\":\"007\"}"))).contains("7");
        assertThat(RateLimitFilter.screening(bytes("{\"customerId\":\"c\"}"))).isEmpty();
        assertThat(RateLimitFilter.screening(bytes("{\"screeningId\":99999999999999999999}"))).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
