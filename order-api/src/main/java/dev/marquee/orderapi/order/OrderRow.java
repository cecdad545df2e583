package dev.marquee.orderapi.order;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An order as stored: the columns of {@code customer_order} (but its version), its seats in {@code order_seat} (in
 * their order) and the payments it awaits in {@code order_payment_claim}. Two rows are equal when writing one over
 * the other would change nothing.
 */
record OrderRow(String id, String customerId, long screeningId, long hallId, int seatCount, OrderStatus status,
                long amountMinor, String currency, Instant holdDeadline, String rejectReason, String rejectDetail,
                Instant createdAt, Instant updatedAt, boolean seatsHeld, boolean holdExtended, boolean expired,
                boolean cancelled, Order.MoneyVerdict moneyVerdict, String refundPaymentId, String refundReason,
                List<String> seats, Set<String> claimedPayments) {

    OrderRow {
        seats = List.copyOf(seats);
        claimedPayments = Set.copyOf(claimedPayments);
    }
}
