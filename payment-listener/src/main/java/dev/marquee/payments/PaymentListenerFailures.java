package dev.marquee.payments;

import java.util.Set;

import dev.marquee.support.Failures;

/**
 * Which of payment-listener's failures can pass when tried again (DESIGN §7): {@link Failures}' list (Redis away among
 * them: the hall lock lives there), a refund the gateway has not confirmed yet, and an order whose OrderRequested the
 * listener has not read yet. Anything else fails the same record the same way again and is isolated to it.
 */
public final class PaymentListenerFailures {

    public static final Set<Class<? extends Throwable>> ALSO_TRANSIENT = Set.of(RefundNotDoneException.class,
            OrderNotKnownYetException.class);

    private PaymentListenerFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        return Failures.isTransient(failure, ALSO_TRANSIENT);
    }
}
