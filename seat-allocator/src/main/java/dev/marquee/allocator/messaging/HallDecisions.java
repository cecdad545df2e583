package dev.marquee.allocator.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.marquee.allocator.SeatAllocation;
import dev.marquee.allocator.SeatRequest;
import dev.marquee.ledger.Allocation;
import dev.marquee.support.Failures;
import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides one hall's requests of a poll so that a request that fails for good holds up nothing else (DESIGN §7).
 * A transient failure (database, Redis or Kafka away, a deadlock, the hall busy or fenced out) is thrown, for the
 * poll to be retried until it passes. A permanent one makes the hall's requests be decided one at a time; the one
 * that fails again is answered REJECTED / INTERNAL_ERROR ({@link SeatAllocation#isolate}), and if even that cannot
 * be recorded it is handed back, unanswered, for the dead-letter topic.
 */
final class HallDecisions {

    private static final Logger log = LoggerFactory.getLogger(HallDecisions.class);

    private final SeatAllocation allocation;
    private final Counter isolated;

    HallDecisions(SeatAllocation allocation, Counter isolated) {
        this.allocation = allocation;
        this.isolated = isolated;
    }

    /** A request that could not be answered at all, with why. */
    @FunctionalInterface
    interface Unanswered {
        void accept(SeatRequest request, RuntimeException failure);
    }

    /** @return the answers, in request order, of all requests but those handed to {@code unanswered} */
    List<Allocation> decide(long hall, List<SeatRequest> requests, Unanswered unanswered) {
        if (requests.size() > 1) {
            try {
                return allocation.allocate(hall, requests);
            } catch (RuntimeException e) {
                rethrowIfTransient(e);
                log.warn("hall {}: a batch of {} order requests failed for good ({}); deciding them one at a time",
                        hall, requests.size(), e.toString());
            }
        }
        List<Allocation> answers = new ArrayList<>(requests.size());
        for (SeatRequest request : requests) {
            try {
                answers.add(allocation.allocate(hall, List.of(request)).getFirst());
            } catch (RuntimeException e) {
                rethrowIfTransient(e);
                isolated.increment();
                log.error("order {} (hall {}): deciding it failed for good; it is rejected as INTERNAL_ERROR",
                        request.orderId(), hall, e);
                answerAlone(hall, request, e, unanswered).ifPresent(answers::add);
            }
        }
        return answers;
    }

    private Optional<Allocation> answerAlone(long hall, SeatRequest request, RuntimeException failure,
                                             Unanswered unanswered) {
        try {
            return Optional.of(allocation.isolate(hall, request, failure));
        } catch (RuntimeException e) {
            rethrowIfTransient(e);
            log.error("order {} (hall {}): its rejection cannot be recorded either; it goes to the dead-letter topic",
                    request.orderId(), hall, e);
            if (e != failure) {
                e.addSuppressed(failure);
            }
            unanswered.accept(request, e);
            return Optional.empty();
        }
    }

    /**
     * Transient failures (Redis' among them: the hall lock) are thrown for a retry; so is anything while the
     * consumer is being stopped.
     */
    private static void rethrowIfTransient(RuntimeException e) {
        if (Failures.isTransient(e) || Thread.currentThread().isInterrupted()) {
            throw e;
        }
    }
}
