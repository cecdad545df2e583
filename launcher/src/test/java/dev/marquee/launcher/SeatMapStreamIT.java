package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

/** The pages' seat-map consumer (one group per order-api instance) as the operators' alarms see it. */
class SeatMapStreamIT {

    @Test
    void theSeatMapGroupCommitsSoTheStallWatchSeesItCaughtUp() throws Exception {
        MeterRegistry meters = SharedPipeline.get().context("order-api").getBean(MeterRegistry.class);
        long screening = Api.newScreening(2);
        var placed = Api.post("/api/orders", "{\"screeningId\":" + screening + ",\"seats\":[\"C1\",\"C2\"]}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        Api.awaitStatus(Api.json(placed).read("$.id"), "HELD");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Gauge> lag = meters.find("marquee.consumer.lag").gauges().stream()
                    .filter(g -> g.getId().getTag("group").startsWith("order-api-seat-map-")).toList();
            assertThat(lag).as("the seat-map group's lag gauge").isNotEmpty();
            assertThat(lag).allSatisfy(g -> assertThat(g.value()).isZero());
        });
        assertThat(meters.find("marquee.consumer.stalled").gauges().stream()
                .filter(g -> g.getId().getTag("group").startsWith("order-api-seat-map-")))
                .allSatisfy(g -> assertThat(g.value()).isZero());
    }
}
