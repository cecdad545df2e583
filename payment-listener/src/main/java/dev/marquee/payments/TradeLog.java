package dev.marquee.payments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The settled trades: the listener's record of processed callbacks, written with their seat effect. */
public interface TradeLog {

    Optional<Trade> find(String gateway, String tradeNo);

    /** The callback's own trade, if recorded, and every trade recorded for its order. */
    List<Trade> concerning(PaymentCallback callback);

    /** Records a first answer for a trade, in the caller's transaction; a second one for it breaks the key. */
    void record(Trade trade);

    /** Replaces the FAILED answer of a trade that since succeeded, in the caller's transaction. */
    void replaceFailed(Trade trade);

    /** The newest trades with this outcome, at most {@code limit}. */
    List<Trade> withOutcome(TradeOutcome outcome, int limit);

    /**
     * Turns a FLAGGED trade into a REFUND (its reason kept), decided at {@code at}; false when it is not FLAGGED
     * (any more). One statement: of two operators asking at once, one turns it.
     */
    boolean refundFlagged(String gateway, String tradeNo, Instant at);
}
