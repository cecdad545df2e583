package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitDecision;
import static dev.marquee.launcher.Api.json;
import static dev.marquee.launcher.Api.post;
import static dev.marquee.launcher.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import dev.marquee.allocator.SeatAllocatorApplication;
import dev.marquee.stack.EmbeddedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Partitions of order-requests move between two allocator instances while orders keep coming: a second instance
 * joins, the first stops consuming (everything moves to the second), the first comes back and the second shuts
 * down. No seat is held twice, no request is lost, every order gets exactly one outcome.
 */
class AllocatorRebalanceIT {

    static final int ORDERS = 400;
    static long smallHall;
    static long bigHall;

    @BeforeAll
    static void start() throws Exception {
        SharedPipeline.get();
        smallHall = Api.newScreening(1);
        bigHall = Api.newScreening(2);
    }

    @Test
    void ordersKeepBeingDecidedExactlyOnceWhilePartitionsMove() throws Exception {
        MessageListenerContainer first = SharedPipeline.get().context("seat-allocator")
                .getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("seat-allocator");
        List<String> orderIds = new CopyOnWriteArrayList<>();
        CountDownLatch quarter = new CountDownLatch(ORDERS / 4);
        CountDownLatch half = new CountDownLatch(ORDERS / 2);
        CountDownLatch threeQuarters = new CountDownLatch(ORDERS * 3 / 4);
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> send(orderIds, quarter, half, threeQuarters));

        assertThat(quarter.await(60, TimeUnit.SECONDS)).isTrue();
        ConfigurableApplicationContext second = secondAllocator();
        try {
            assertThat(half.await(60, TimeUnit.SECONDS)).isTrue();
            first.stop();
            assertThat(threeQuarters.await(60, TimeUnit.SECONDS)).isTrue();
            first.start();
        } finally {
            second.close();
            if (!first.isRunning()) {
                first.start();
            }
        }
        load.get(120, TimeUnit.SECONDS);

        Map<String, String> heldBy = new HashMap<>();
        for (String id : orderIds) {
            DocumentContext order = awaitDecision(id);
            assertThat(order.<String>read("$.status")).isIn("HELD", "REJECTED");
            if ("HELD".equals(order.read("$.status"))) {
                for (String seat : order.<List<String>>read("$.seats")) {
                    String key = order.read("$.screeningId") + "/" + seat;
                    assertThat(heldBy.put(key, id)).as("%s held twice", key).isNull();
                }
            }
        }
        String ids = "'" + String.join("','", orderIds) + "'";
        assertThat(orderIds).as("orders past the edge").hasSizeGreaterThan(ORDERS / 4);
        assertThat(Api.count("SELECT COUNT(*) FROM allocation WHERE order_id IN (" + ids + ")"))
                .isEqualTo(orderIds.size());
        List<String> claims = query("SELECT CONCAT(screening_id, '/', seat_label), order_id FROM seat_claim"
                + " WHERE order_id IN (" + ids + ")");
        assertThat(claims).hasSize(heldBy.size());
        claims.forEach(row -> assertThat(heldBy).containsEntry(row.split("=")[0], row.split("=")[1]));
    }

    private static ConfigurableApplicationContext secondAllocator() {
        List<String> args = new ArrayList<>();
        EmbeddedStack.shared().properties().forEach((k, v) -> args.add("--" + k + "=" + v));
        args.add("--server.port=0");
        return SeatAllocatorApplication.application().run(args.toArray(String[]::new));
    }

    /** Orders for both halls: named seats of a screening in hall 1, any 1-2 seats of one in hall 2. */
    private static void send(List<String> orderIds, CountDownLatch... milestones) {
        Random random = new Random(7);
        for (int i = 0; i < ORDERS; i++) {
            String body = i % 2 == 0
                    ? "{\"screeningId\":" + smallHall + ",\"seats\":[\"" + (char) ('B' + random.nextInt(5))
                            + (1 + random.nextInt(13)) + "\"]}"
                    : "{\"screeningId\":" + bigHall + ",\"anySeats\":" + (1 + random.nextInt(2)) + "}";
            try {
                HttpResponse<String> response = post("/api/orders", body);
                if (response.statusCode() == 202) {
                    orderIds.add(json(response).read("$.id"));
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            for (CountDownLatch milestone : milestones) {
                milestone.countDown();
            }
        }
    }
}
