package dev.marquee.payments;

import java.util.Set;

import dev.marquee.support.Failures;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisLoadingException;
import org.redisson.client.RedisResponseTimeoutException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.RedisTryAgainException;

/**
 * Which of payment-listener's failures can pass when tried again (DESIGN §7): {@link Failures}' list, Redis away
 * (the hall lock lives there), a refund the gateway has not confirmed yet, and an order whose OrderRequested the
 * listener has not read yet. Anything else fails the same record the same way again and is isolated to it.
 */
public final class PaymentListenerFailures {

    public static final Set<Class<? extends Throwable>> ALSO_TRANSIENT = Set.of(RedisConnectionException.class,
            RedisTimeoutException.class, RedisResponseTimeoutException.class, RedisRetryException.class,
            RedisLoadingException.class, RedisTryAgainException.class, RefundNotDoneException.class,
            OrderNotKnownYetException.class);

    private PaymentListenerFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        return Failures.isTransient(failure, ALSO_TRANSIENT);
    }
}
