package dev.marquee.payments;

import java.util.List;
import java.util.Optional;

/**
 * What {@link PaymentSettlement#settleAll} made of a poll's callbacks, in their order: each one's settlement (empty
 * when it says nothing final), and the first callback that failed for good, if one did. The others were settled
 * all the same: one bad record never holds back the rest of its batch, its hall or its partition.
 *
 * @param answers for a failed callback, empty
 */
public record SettledBatch(List<Optional<Settled>> answers, Optional<Failed> failed) {

    public SettledBatch {
        answers = List.copyOf(answers);
    }

    /** A callback that fails the same way whenever it is settled: the listener sets it aside with its cause. */
    public record Failed(int index, RuntimeException cause) {
    }
}
