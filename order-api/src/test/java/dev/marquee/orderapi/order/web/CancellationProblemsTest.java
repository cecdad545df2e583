package dev.marquee.orderapi.order.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.marquee.ledger.HallLock;
import dev.marquee.orderapi.order.Order;
import dev.marquee.orderapi.order.OrderAccess;
import dev.marquee.orderapi.order.OrderCancellation;
import dev.marquee.orderapi.order.OrderPlacement;
import dev.marquee.orderapi.payment.Payments;
import dev.marquee.orderapi.payment.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RFencedLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisTimeoutException;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** A cancellation that could not have the hall's lock is a 503 to retry, with a code, never a bare 500. */
class CancellationProblemsTest {

    final RedissonClient redisson = mock(RedissonClient.class);
    final RFencedLock lock = mock(RFencedLock.class);
    final HallLock hallLock = new HallLock(redisson, Duration.ofMillis(50), Duration.ofSeconds(10));
    final OrderCancellation cancellation = mock(OrderCancellation.class);
    final OrderAccess access = mock(OrderAccess.class);
    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new OrderController(mock(OrderPlacement.class), cancellation,
                    access, mock(Payments.class), mock(Tickets.class)))
            .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver())
            .setControllerAdvice(new ApiProblems()).build();

    @BeforeEach
    void theCallersOwnOrders() {
        for (String id : List.of("o-1", "o-2")) {
            Order order = mock(Order.class);
            when(order.id()).thenReturn(id);
            when(access.cancellable(eq(id), any())).thenReturn(order);
        }
    }

    @Test
    void aBusyHallIsA503ToRetryWithItsOwnCode() throws Exception {
        when(redisson.getFencedLock(anyString())).thenReturn(lock);
        when(lock.tryLockAndGetToken(anyLong(), anyLong(), any(TimeUnit.class))).thenReturn(null);
        when(cancellation.cancel("o-1")).thenAnswer(inv -> hallLock.runLocked(1, token -> null));

        mvc.perform(post("/api/orders/o-1/cancel"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.code").value("hall-busy"));
    }

    @Test
    void redisAwayIsA503ToRetryWithItsOwnCode() throws Exception {
        when(redisson.getFencedLock(anyString())).thenReturn(lock);
        when(lock.tryLockAndGetToken(anyLong(), anyLong(), any(TimeUnit.class)))
                .thenThrow(new RedisConnectionException("Unable to connect to Redis server: 127.0.0.1/127.0.0.1:6391"));
        when(cancellation.cancel("o-1")).thenAnswer(inv -> hallLock.runLocked(1, token -> null));

        mvc.perform(post("/api/orders/o-1/cancel"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.code").value("locks-unavailable"));
    }

    @Test
    void redisTooSlowToAnswerIsA503Too() throws Exception {
        when(redisson.getFencedLock(anyString())).thenReturn(lock);
        when(lock.tryLockAndGetToken(anyLong(), anyLong(), any(TimeUnit.class)))
                .thenThrow(new RedisTimeoutException("Command execution timeout"));
        when(cancellation.cancel("o-1")).thenAnswer(inv -> hallLock.runLocked(1, token -> null));

        mvc.perform(post("/api/orders/o-1/cancel"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("locks-unavailable"));
    }

    /** The database restarting: the order or cancellation could not be written; a 503 to retry, never a bare 500. */
    @Test
    void aDatabaseAwayIsA503ToRetry() throws Exception {
        when(cancellation.cancel("o-1")).thenThrow(new org.springframework.transaction.CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction"));
        mvc.perform(post("/api/orders/o-1/cancel"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.code").value("try-again"));

        when(cancellation.cancel("o-2")).thenThrow(new org.springframework.dao.DataAccessResourceFailureException(
                "Connection refused"));
        mvc.perform(post("/api/orders/o-2/cancel"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("try-again"));
    }
}
