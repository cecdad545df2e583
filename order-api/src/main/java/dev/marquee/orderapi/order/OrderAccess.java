package dev.marquee.orderapi.order;

import java.util.Optional;

import dev.marquee.orderapi.catalog.Catalog;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whose orders a caller reaches. A customer reaches only their own; a caller who manages orders (staff: of their
 * merchant's cinemas; an admin: all) also reaches others' to read and cancel them, never to pay for them. An order
 * the caller may not reach answers as a missing one does ({@link OrderNotFoundException}): an order id tells nobody
 * else whether the order exists.
 */
@Component
public class OrderAccess {

    private final Orders orders;
    private final Catalog catalog;

    OrderAccess(Orders orders, Catalog catalog) {
        this.orders = orders;
        this.catalog = catalog;
    }

    /** The order, to read or cancel: the caller's own, or one of the orders the caller manages. */
    public Order visible(String orderId, Caller caller) {
        return orders.findById(orderId).filter(order -> owns(caller, order) || manages(caller, order))
                .orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    /**
     * The order, to cancel: the caller's own when they may write orders (a customer), or one the caller manages
     * (staff, who read and manage orders but do not place them; an admin). The endpoint admits readers of orders, so
     * that staff reach it; a reader who may neither write nor manage is refused (403) on their own order, and gets
     * order-not-found on anyone else's.
     */
    public Order cancellable(String orderId, Caller caller) {
        Order order = visible(orderId, caller);
        if (!manages(caller, order) && !caller.may(Area.ORDERS, Access.WRITE)) {
            throw new AccessDeniedException("Cancelling needs orders write (your own) or orders manage.");
        }
        return order;
    }

    /** The caller's own order, to pay for: paying (and saying one paid) is the customer's alone. */
    public Order own(String orderId, Caller caller) {
        return orders.findById(orderId).filter(order -> owns(caller, order))
                .orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    static boolean owns(Caller caller, Order order) {
        return caller != null && caller.subject().equals(order.customerId());
    }

    private boolean manages(Caller caller, Order order) {
        if (caller == null || !caller.managesOthers(Area.ORDERS)) {
            return false;
        }
        if (caller.merchantId() == null) {
            return true;
        }
        Optional<Long> merchant = catalog.merchantOf(order.screeningId());
        return merchant.isPresent() && caller.mayActFor(merchant.get());
    }
}
