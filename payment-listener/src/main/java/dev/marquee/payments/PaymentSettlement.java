package dev.marquee.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        if (callback.status() == CallbackStatus.PENDING) {
            log.info("callback {} of trade {}/{} ignored: status {} is not final", callback.notifyId(),
                    callback.gateway(), callback.tradeNo(), callback.tradeStatus());
            return Optional.empty();
        }
        Optional<OrderSnapshot> order = orders.find(callback.orderId());
        Optional<Trade> settled = trades.find(callback.gateway(), callback.tradeNo())
                .filter(t -> t.outcome().isFinal());
        if (settled.isPresent()) {
            return Optional.of(new Settled(settled.get(), order));
        }
        Decision decision = callback.status() == CallbackStatus.SUCCESS && order.isPresent()
                ? lock.runLocked(order.get().hallId(), token -> inTransaction(callback, order, token))
                : inTransaction(callback, order, null);
        return settled(decision, order);
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

    private Decision inTransaction(PaymentCallback callback, Optional<OrderSnapshot> order, FencingToken token) {
        return transaction.execute(status -> decideAndWrite(callback, order, token));
    }

    private Decision decideAndWrite(PaymentCallback callback, Optional<OrderSnapshot> order, FencingToken token) {
        if (token != null) {
            fence.admit(token);
        }
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
