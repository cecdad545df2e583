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
    private final TransactionTemplate transaction;
    private final Clock clock;

    PaymentSettlement(HallLock lock, HallFence fence, SeatLedger ledger, Orders orders, TradeLog trades,
                      TransactionTemplate transaction, Clock clock) {
        this.lock = lock;
        this.fence = fence;
        this.ledger = ledger;
        this.orders = orders;
        this.trades = trades;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return the trade's settlement, new or recorded before; empty when the callback says nothing final */
    public Optional<Settled> settle(PaymentCallback callback) {
        return settleAll(List.of(callback)).getFirst();
    }

    /**
     * Settles a poll's callbacks, answering each in order. The successes of one hall are decided under one lock
     * acquisition and in one transaction, one after the other, each seeing what the ones before it wrote (a
     * duplicate later in the batch finds its trade recorded): the lock and the commit are paid once per hall and
     * batch instead of once per callback. The callbacks of an order keep their order: once one of them waits for
     * its hall's turn, the later ones follow it there (a failure notice after a success must find the success
     * recorded). If any of them fails, the hall's whole batch rolls back and is settled again, which changes
     * nothing for the trades already recorded.
     */
    public List<Optional<Settled>> settleAll(List<PaymentCallback> callbacks) {
        List<Optional<Settled>> answers = new ArrayList<>(Collections.nCopies(callbacks.size(), Optional.empty()));
        Map<Long, List<Integer>> locked = new LinkedHashMap<>();
        Set<String> waiting = new HashSet<>();
        List<Optional<OrderSnapshot>> known = new ArrayList<>(callbacks.size());
        for (int i = 0; i < callbacks.size(); i++) {
            PaymentCallback callback = callbacks.get(i);
            Optional<OrderSnapshot> order = callback.status() == CallbackStatus.PENDING ? Optional.empty()
                    : orders.find(callback.orderId());
            known.add(order);
            if (callback.status() == CallbackStatus.PENDING) {
                log.info("callback {} of trade {}/{} ignored: status {} is not final", callback.notifyId(),
                        callback.gateway(), callback.tradeNo(), callback.tradeStatus());
                continue;
            }
            if (waiting.contains(callback.orderId())) {
                // an earlier callback of the order waits for the hall's turn: this one follows it, in order
                locked.get(order.orElseThrow().hallId()).add(i);
                continue;
            }
            Optional<Trade> settled = trades.find(callback.gateway(), callback.tradeNo())
                    .filter(t -> t.outcome().isFinal());
            if (settled.isPresent()) {
                answers.set(i, Optional.of(new Settled(settled.get(), order)));
            } else if (callback.status() == CallbackStatus.SUCCESS && order.isPresent()) {
                locked.computeIfAbsent(order.get().hallId(), hall -> new ArrayList<>()).add(i);
                waiting.add(callback.orderId());
            } else {
                answers.set(i, settled(inTransaction(List.of(callback), List.of(order), null).getFirst(), order));
            }
        }
        locked.forEach((hall, indexes) -> {
            List<PaymentCallback> hallCallbacks = indexes.stream().map(callbacks::get).toList();
            List<Optional<OrderSnapshot>> hallOrders = indexes.stream().map(known::get).toList();
            List<Decision> decisions = lock.runLocked(hall,
                    token -> inTransaction(hallCallbacks, hallOrders, token));
            for (int j = 0; j < indexes.size(); j++) {
                answers.set(indexes.get(j), settled(decisions.get(j), hallOrders.get(j)));
            }
        });
        return answers;
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
        Decision decision = Settlement.decide(callback, order, allocation, claims, trades.concerning(callback), now);
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
