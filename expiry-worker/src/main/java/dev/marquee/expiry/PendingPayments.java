package dev.marquee.expiry;

import java.util.Collection;
import java.util.Set;

/** Which orders have a payment in flight (order-api's PAYMENT_PENDING); read-only here. */
public interface PendingPayments {

    /** @return those of {@code orderIds} whose customer says they paid and whose gateway's word has not come */
    Set<String> among(Collection<String> orderIds);
}
