package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PrometheusSamplesTest {

    private static final String EXPOSITION = """
            # HELP marquee_consumer_stalled_seconds how long records have waited while the group's offset did not move
            # TYPE marquee_consumer_stalled_seconds gauge
            marquee_consumer_stalled_seconds{application="order-api",group="order-api"} 0.0
            marquee_consumer_stalled_seconds{application="order-api",group="ops-stalled"} 75.25
            marquee_consumer_stalled_seconds_other{group="x"} 9.0
            marquee_consumer_lag_records{group="ops-stalled"} 3.0
            marquee_orders_requested_oldest_seconds 412.0
            marquee_orders{state="HELD"} NaN
            """;

    @Test
    void readsOneMetricsSamplesByLabel() {
        assertThat(PrometheusSamples.byLabel(EXPOSITION, "marquee_consumer_stalled_seconds", "group"))
                .containsExactly(Map.entry("order-api", 0.0), Map.entry("ops-stalled", 75.25));
        assertThat(PrometheusSamples.byLabel(EXPOSITION, "marquee_consumer_lag_records", "group"))
                .containsExactly(Map.entry("ops-stalled", 3.0));
    }

    @Test
    void aSampleWithoutTheLabelIsKeyedEmpty() {
        assertThat(PrometheusSamples.byLabel(EXPOSITION, "marquee_orders_requested_oldest_seconds", "group"))
                .containsExactly(Map.entry("", 412.0));
        assertThat(PrometheusSamples.byLabel(EXPOSITION, "marquee_missing", "group")).isEmpty();
    }
}
