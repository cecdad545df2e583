package dev.marquee.payments;

import java.util.Optional;

import dev.marquee.ledger.Sale;

/** What {@link Settlement} makes of a callback. */
public sealed interface Decision {

    /** The trade was settled before: nothing changes, its events are sent again (they carry the same ids). */
    record Replay(Trade trade) implements Decision {
    }

    /** The callback says nothing final (the trade is still pending): nothing to record or send. */
    record Ignore(String why) implements Decision {
    }

    /**
     * A new answer for the trade, to record with its seat effect in one transaction.
     *
     * @param replacesFailed the trade was recorded FAILED and now succeeded: its row is updated
     * @param sale           the seats to sell, for a PAID trade
     */
    record Settle(Trade trade, boolean replacesFailed, Optional<Sale> sale) implements Decision {
    }
}
