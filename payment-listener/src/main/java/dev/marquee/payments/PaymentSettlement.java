package dev.marquee.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.marquee.ledger.Allocation;
import dev.marquee.ledger.FencingToken;
import dev.marquee.ledger.HallFence;
import dev.marquee.ledger.HallLock;
import dev.marquee.ledger.SeatClaim;
import dev.marquee.ledger.SeatLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles payment callbacks exactly once. A trade already settled is answered from the trade log, without lock
 * or write. A success for a known order is decided under the hall's lock, in one transaction that first admits
 * the lock's fencing token, then reads the allocation, the claims and the trades, decides, sells the seats and
 * records the trade: a writer whose lock lapsed is refused by the fence and writes nothing. Other callbacks
 * write no seat and need no lock; the trade log's key makes concurrent first answers for one trade collide.
 */
@Service
public class PaymentSettlement {

    private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

    private final HallLock lock;
    private final HallFence fence;
    private final SeatLedger ledger;
    private final Orders orders;
    private final TradeLog trades;
    private final CancelledScreenings cancelled;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PaymentSettlement(HallLock lock, HallFence fence, SeatLedger ledger, Orders orders, TradeLog trades,
                      CancelledScreenings cancelled, TransactionTemplate transaction, Clock clock) {
        this.lock = lock;
        this.fence = fence;
        this.ledger = ledger;
        this.orders = orders;
        this.trades = trades;
        this.cancelled = cancelled;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @return the trade's settlement, new or recorded before; empty when the callback says nothing final
     * @throws RuntimeException what settling it failed with, transient or not
     */
    public Optional<Settled> settle(PaymentCallback callback) {
        SettledBatch batch = settleAll(List.of(callback));
        batch.failed().ifPresent(failed -> {
            throw failed.cause();
        });
        return batch.answers().getFirst();
    }

    /**
     * Settles a poll's callbacks, answering each in order. The successes of one hall are decided under one lock
     * acquisition and in one transaction, one after the other, each seeing what the ones before it wrote (a
     * duplicate later in the batch finds its trade recorded): the lock and the commit are paid once per hall and
     * batch instead of once per callback. The callbacks of an order keep their order: once one of them waits for
     * its hall's turn, the later ones follow it there (a failure notice after a success must find the success
     * recorded).
     * <p>
     * A transient failure (database, Redis or the fence; an order not read yet) is thrown: the batch is tried again
     * and what was recorded is found recorded. If the hall's transaction fails for good, its callbacks are settled
     * again one by one, each in its own transaction under the same lock, so the one that cannot be settled is found
     * and reported in {@link SettledBatch#failed()} while every other one is settled.
     */
    public SettledBatch settleAll(List<PaymentCallback> callbacks) {
        Pass pass = new Pass(callbacks);
        for (int i = 0; i < callbacks.size(); i++) {
            try {
                sort(i, pass);
            } catch (RuntimeException e) {
                pass.failures.put(i, permanent(e, callbacks.get(i)));
            }
        }
        pass.locked.forEach((hall, indexes) -> settleHall(hall, indexes, pass));
        return new SettledBatch(pass.answers, pass.failures.entrySet().stream().findFirst()
                .map(e -> new SettledBatch.Failed(e.getKey(), e.getValue())));
    }

    /** One poll's callbacks on their way: answered at once, queued for their hall, or failed for good. */
    private static final class Pass {

        final List<PaymentCallback> callbacks;
        final List<Optional<Settled>> answers;
        final List<Optional<OrderSnapshot>> known;
        final Map<Integer, RuntimeException> failures = new TreeMap<>();
        final Map<Long, List<Integer>> locked = new LinkedHashMap<>();
        final Set<String> waiting = new HashSet<>();

        Pass(List<PaymentCallback> callbacks) {
            this.callbacks = callbacks;
            this.answers = new ArrayList<>(Collections.nCopies(callbacks.size(), Optional.empty()));
            this.known = new ArrayList<>(Collections.nCopies(callbacks.size(), Optional.empty()));
        }
    }

    /** Answers callback {@code i} at once (pending, settled before, no seat to write) or queues it for its hall. */
    private void sort(int i, Pass pass) {
        PaymentCallback callback = pass.callbacks.get(i);
        if (callback.status() == CallbackStatus.PENDING) {
            log.info("callback {} of trade {}/{} ignored: status {} is not final", callback.notifyId(),
                    callback.gateway(), callback.tradeNo(), callback.tradeStatus());
            return;
        }
        Optional<OrderSnapshot> order = known(callback.orderId());
        pass.known.set(i, order);
        if (pass.waiting.contains(callback.orderId())) {
            // an earlier callback of the order waits for the hall's turn: this one follows it, in order
            pass.locked.get(order.orElseThrow().hallId()).add(i);
            return;
        }
        Optional<Trade> settled = trades.find(callback.gateway(), callback.tradeNo()).filter(t -> t.outcome().isFinal());
        if (settled.isPresent()) {
            pass.answers.set(i, Optional.of(new Settled(settled.get(), order)));
        } else if (callback.status() == CallbackStatus.SUCCESS && order.isPresent()) {
            pass.locked.computeIfAbsent(order.get().hallId(), hall -> new ArrayList<>()).add(i);
            pass.waiting.add(callback.orderId());
        } else {
            pass.answers.set(i, settled(inTransaction(List.of(callback), List.of(order), null).getFirst(), order));
        }
    }

    /** The order as its OrderRequested said; an order the allocator decided but not read here yet is waited for. */
    private Optional<OrderSnapshot> known(String orderId) {
        Optional<OrderSnapshot> order = orders.find(orderId);
        if (order.isEmpty() && !ledger.allocations(List.of(orderId)).isEmpty()) {
            throw new OrderNotKnownYetException(orderId);
        }
        return order;
    }

    private void settleHall(long hall, List<Integer> indexes, Pass pass) {
        List<PaymentCallback> hallCallbacks = indexes.stream().map(pass.callbacks::get).toList();
        List<Optional<OrderSnapshot>> hallOrders = indexes.stream().map(pass.known::get).toList();
        List<Decision> decisions;
        try {
            decisions = lock.runLocked(hall, token -> inTransaction(hallCallbacks, hallOrders, token));
        } catch (RuntimeException e) {
            if (PaymentListenerFailures.isTransient(e)) {
                throw e;
            }
            log.warn("hall {}: settling {} callbacks together failed for good ({}); settling them one by one", hall,
                    indexes.size(), e.toString());
            lock.runLocked(hall, token -> {
                for (int j = 0; j < indexes.size(); j++) {
                    try {
                        pass.answers.set(indexes.get(j), settled(inTransaction(List.of(hallCallbacks.get(j)),
                                List.of(hallOrders.get(j)), token).getFirst(), hallOrders.get(j)));
                    } catch (RuntimeException one) {
                        pass.failures.put(indexes.get(j), permanent(one, hallCallbacks.get(j)));
                    }
                }
                return null;
            });
            return;
        }
        for (int j = 0; j < indexes.size(); j++) {
            pass.answers.set(indexes.get(j), settled(decisions.get(j), hallOrders.get(j)));
        }
    }

    /** A transient failure is thrown on (the batch is tried again); a permanent one is the callback's own. */
    private static RuntimeException permanent(RuntimeException failure, PaymentCallback callback) {
        if (PaymentListenerFailures.isTransient(failure)) {
            throw failure;
        }
        log.error("callback {} of trade {}/{} (order {}) cannot be settled: {}", callback.notifyId(),
                callback.gateway(), callback.tradeNo(), callback.orderId(), failure.toString());
        return failure;
    }

    private static Optional<Settled> settled(Decision decision, Optional<OrderSnapshot> order) {
        return switch (decision) {
            case Decision.Ignore ignore -> {
                log.info("callback ignored: {}", ignore.why());
                yield Optional.empty();
            }
            case Decision.Replay replay -> Optional.of(new Settled(replay.trade(), order));
            case Decision.Settle settle -> Optional.of(new Settled(settle.trade(), order));
        };
    }

    private List<Decision> inTransaction(List<PaymentCallback> callbacks, List<Optional<OrderSnapshot>> orders,
                                         FencingToken token) {
        return transaction.execute(status -> {
            if (token != null) {
                fence.admit(token);
            }
            List<Decision> decisions = new ArrayList<>(callbacks.size());
            for (int i = 0; i < callbacks.size(); i++) {
                decisions.add(decideAndWrite(callbacks.get(i), orders.get(i), token));
            }
            return decisions;
        });
    }

    private Decision decideAndWrite(PaymentCallback callback, Optional<OrderSnapshot> order, FencingToken token) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Allocation> allocation = order.map(o -> ledger.allocations(List.of(o.orderId())).get(o.orderId()));
        Map<String, SeatClaim> claims = allocation.map(a -> ledger.claims(a.screeningId(), a.seats()))
                .orElse(Map.of());
        // read under the hall's lock, which the screening's cancellation takes too: money after it sells nothing
        boolean screeningCancelled = order.map(o -> cancelled.isCancelled(o.screeningId())).orElse(false);
        Decision decision = Settlement.decide(callback, order, allocation, claims, trades.concerning(callback),
                screeningCancelled, now);
        return decision instanceof Decision.Settle settle ? write(settle, token, now) : decision;
    }

    private Decision.Settle write(Decision.Settle settle, FencingToken token, Instant now) {
        Trade trade = token == null ? settle.trade() : settle.trade().fencedBy(token.value());
        settle.sale().ifPresent(sale -> {
            if (token == null) {
                throw new IllegalStateException("seats of order " + sale.orderId() + " cannot be sold unlocked");
            }
            ledger.sell(sale, token.value(), now);
        });
        if (settle.replacesFailed()) {
            trades.replaceFailed(trade);
        } else {
            trades.record(trade);
        }
        return new Decision.Settle(trade, settle.replacesFailed(), settle.sale());
    }
}
