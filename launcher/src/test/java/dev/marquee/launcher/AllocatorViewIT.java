package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitDecision;
import static dev.marquee.launcher.Api.awaitStatus;
import static dev.marquee.launcher.Api.heldOrder;
import static dev.marquee.launcher.Api.json;
import static dev.marquee.launcher.Api.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import dev.marquee.ledger.HallFence;
import dev.marquee.ledger.HallLock;
import dev.marquee.ledger.Sale;
import dev.marquee.ledger.SeatLedger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The allocator keeps each hall's claims in memory between batches and trusts them only while the hall's fence
 * says nobody else wrote: other writers change the hall with their own lock and token, and nobody tells the
 * allocator (no forgetViews). The allocator is paused meanwhile (no rebalance, so it keeps its views): the orders
 * for the seat sold and the seat released behind its back reach it in its next batch.
 */
class AllocatorViewIT {

    static final long PREMIERE_HALL = 2;

    @BeforeAll
    static void start() {
        SharedPipeline.get();
    }

    @Test
    void aSeatSoldOrReleasedBehindTheAllocatorsBackIsSeenThroughTheFence() throws Exception {
        long screening = Api.newScreening(PREMIERE_HALL);
        String cancelled = heldOrder(screening, "F10");
        MessageListenerContainer allocator = SharedPipeline.get().context("seat-allocator")
                .getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("seat-allocator");
        String wantsSold;
        String wantsReleased;
        allocator.pause();
        try {
            await().atMost(Duration.ofSeconds(20)).until(allocator::isContainerPaused);
            wantsSold = order(screening, "G10");
            sellBehindTheAllocatorsBack(screening, "G10");
            json(post("/api/orders/" + cancelled + "/cancel", ""));
            awaitStatus(cancelled, "CANCELLED");
            wantsReleased = order(screening, "F10");
        } finally {
            allocator.resume();
        }

        DocumentContext sold = awaitDecision(wantsSold);
        assertThat(sold.<String>read("$.status")).isEqualTo("REJECTED");
        assertThat(sold.<String>read("$.rejection.reason")).isEqualTo("SEATS_TAKEN");
        DocumentContext released = awaitDecision(wantsReleased);
        assertThat(released.<String>read("$.status")).isEqualTo("HELD");
        assertThat(released.<List<String>>read("$.seats")).containsExactly("F10");
    }

    private static String order(long screening, String seat) throws Exception {
        HttpResponse<String> response = post("/api/orders", "{\"screeningId\":" + screening + ",\"seats\":[\"" + seat + "\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).read("$.id");
    }

    /** As payment-listener sells a paid order's seats: its own lock, token, fence and transaction. */
    private static void sellBehindTheAllocatorsBack(long screening, String seat) {
        ConfigurableApplicationContext payments = SharedPipeline.get().context("payment-listener");
        HallLock lock = payments.getBean(HallLock.class);
        HallFence fence = payments.getBean(HallFence.class);
        SeatLedger ledger = payments.getBean(SeatLedger.class);
        TransactionTemplate transaction = new TransactionTemplate(payments.getBean(PlatformTransactionManager.class));
        Sale sale = new Sale(screening, UUID.randomUUID().toString(), "paid-elsewhere", List.of(), List.of(seat),
                List.of());
        lock.runLocked(PREMIERE_HALL, token -> transaction.execute(status -> {
            fence.admit(token);
            ledger.sell(sale, token.value(), Instant.now());
            return null;
        }));
    }
}
