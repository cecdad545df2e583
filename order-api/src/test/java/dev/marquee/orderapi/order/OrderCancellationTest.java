package dev.marquee.orderapi.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.marquee.ledger.HallFence;
import dev.marquee.ledger.HallLock;
import dev.marquee.ledger.SeatLedger;
import org.junit.jupiter.api.Test;
import org.redisson.api.RFencedLock;
import org.redisson.api.RedissonClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class OrderCancellationTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    final Orders orders = mock(Orders.class);
    final RedissonClient redisson = mock(RedissonClient.class);
    final RFencedLock lock = mock(RFencedLock.class);
    final HallFence fence = mock(HallFence.class);
    final SeatLedger ledger = mock(SeatLedger.class);
    final OrderCancellation cancellation = new OrderCancellation(orders,
            new HallLock(redisson, Duration.ofSeconds(1), Duration.ofSeconds(10)), fence, ledger,
            (order, released, token) -> { }, new TransactionTemplate(mock(PlatformTransactionManager.class)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    /**
     * The request threads may run at the lowest priority (EdgePriority, on a shared machine). The hall's lock is
     * one the allocator, payment-listener and expiry worker wait for: a holder the OS deprioritises would make them
     * all wait on it (a priority inversion). So the lock is taken, held and released at normal priority.
     */
    @Test
    void aLowPriorityRequestThreadTakesHoldsAndReleasesTheHallLockAtNormalPriority() throws Exception {
        Order order = heldOrder();
        Map<String, Integer> priorities = new ConcurrentHashMap<>();
        when(redisson.getFencedLock(anyString())).thenReturn(lock);
        when(lock.tryLockAndGetToken(anyLong(), anyLong(), any(TimeUnit.class))).thenAnswer(inv -> {
            priorities.put("acquire", Thread.currentThread().getPriority());
            return 7L;
        });
        when(fence.admit(any())).thenAnswer(inv -> {
            priorities.put("fence", Thread.currentThread().getPriority());
            return 7L;
        });
        when(ledger.cancelHold(eq(order.id()), any())).thenAnswer(inv -> {
            priorities.put("release seats", Thread.currentThread().getPriority());
            return List.of("A1", "A2");
        });
        when(lock.isHeldByCurrentThread()).thenReturn(true);
        doAnswer(inv -> priorities.put("unlock", Thread.currentThread().getPriority())).when(lock).unlock();

        CompletableFuture<Integer> afterwards = new CompletableFuture<>();
        Thread edge = new Thread(() -> {
            cancellation.cancel(order.id());
            afterwards.complete(Thread.currentThread().getPriority());
        });
        edge.setPriority(Thread.MIN_PRIORITY);
        edge.start();

        assertThat(afterwards.get(10, TimeUnit.SECONDS)).as("the request thread's own priority, restored")
                .isEqualTo(Thread.MIN_PRIORITY);
        assertThat(priorities).containsOnlyKeys("acquire", "fence", "release seats", "unlock")
                .allSatisfy((step, priority) -> assertThat(priority).as(step).isEqualTo(Thread.NORM_PRIORITY));
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    private Order heldOrder() {
        Order order = Order.request("o-1", "alice", 1, 1, List.of("A1", "A2"), 12000, "CNY", NOW);
        order.hold(List.of("A1", "A2"), NOW.plusSeconds(900), NOW);
        when(orders.findById(order.id())).thenReturn(Optional.of(order));
        return order;
    }
}
