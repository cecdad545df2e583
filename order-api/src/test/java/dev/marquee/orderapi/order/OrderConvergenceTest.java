package dev.marquee.orderapi.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * DESIGN §2: the order's state machine is total and converges. order-api reads an order's events from two topics
 * in two containers ({@code seat-events}, {@code order-events}), each in its own order but not in order with the
 * other, and Kafka redelivers; the customer's own commands (claim a payment, cancel) come over HTTP, after what the
 * customer saw. Whatever the interleaving and the repeats, the order must end as in-order delivery leaves it.
 * <p>
 * A property over every history the services can produce (all {@value #HISTORIES} of them, see {@link History#of}),
 * each delivered in {@value #DELIVERIES_PER_HISTORY} random interleavings with repeats. The seeds are fixed, so a
 * failure names the history and the seed that reproduce it.
 */
class OrderConvergenceTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Instant DEADLINE = NOW.plusSeconds(900);
    static final Instant EXTENDED = DEADLINE.plusSeconds(300);
    static final int HISTORIES = 1280;
    static final int DELIVERIES_PER_HISTORY = 20;

    @Test
    void anyInterleavingOfTheTwoTopicsWithRepeatsEndsAsInOrderDelivery() {
        List<History> histories = History.all();
        assertThat(histories).hasSize(HISTORIES);
        int deliveries = 0;
        for (int h = 0; h < histories.size(); h++) {
            History history = histories.get(h);
            Order inOrder = history.newOrder();
            history.steps().forEach(step -> step.applyTo(inOrder));
            for (int d = 0; d < DELIVERIES_PER_HISTORY; d++) {
                long seed = h * 1_000L + d;
                Order shuffled = history.newOrder();
                List<Step> delivery = Delivery.shuffled(history.steps(), new Random(seed));
                delivery.forEach(step -> step.applyTo(shuffled));
                assertThat(Outcome.of(shuffled)).as("history %d %s, seed %d, delivered as %s", h, history.steps(),
                        seed, delivery).isEqualTo(Outcome.of(inOrder));
                deliveries++;
            }
        }
        assertThat(deliveries).isEqualTo(HISTORIES * DELIVERIES_PER_HISTORY);
    }

    /** The case: the expiry (order-events) is read before the hold (seat-events). */
    @Test
    void anExpiryReadBeforeTheHoldLeavesTheOrderExpiredWithItsSeatsAndDeadline() {
        History history = History.of(Ending.EXPIRED, Late.NONE, false, false, false, false, false, false);
        Order order = history.newOrder();

        new Step.Expired().applyTo(order);
        new Step.Held(List.of("A1", "A2"), DEADLINE).applyTo(order);

        assertThat(Outcome.of(order)).isEqualTo(new Outcome(OrderStatus.EXPIRED, List.of("A1", "A2"), DEADLINE,
                null, null, null));
    }

    /** How the order's life ends (DESIGN §2). */
    enum Ending { STILL_HELD, PAID, EXPIRED, CANCELLED, REJECTED }

    /** Money that comes after the hold ended (expired or cancelled). */
    enum Late { NONE, RETAKEN, SEATS_GONE, SCREENING_STARTED }

    /** Where a step reaches order-api from. */
    enum Channel { SEAT_EVENTS, ORDER_EVENTS, CUSTOMER }

    /** What the test compares: the order's state and the fields its events set. */
    record Outcome(OrderStatus status, List<String> seats, Instant holdDeadline, String rejectReason,
                   String rejectDetail, String refundReason) {
        static Outcome of(Order order) {
            return new Outcome(order.status(), order.seats(), order.holdDeadline(), order.rejectReason(),
                    order.rejectDetail(), order.refundReason());
        }
    }

    /** One order's history as the services produce it, in causal order. */
    record History(boolean anySeats, List<Step> steps) {

        Order newOrder() {
            return anySeats ? Order.requestAny("o-1", "alice", 1, 1, 2, 12000, "CNY", NOW)
                    : Order.request("o-1", "alice", 1, 1, List.of("A1", "A2"), 12000, "CNY", NOW);
        }

        /** Every history: each ending, each kind of late money, each combination of the six flags below. */
        static List<History> all() {
            List<History> all = new ArrayList<>();
            for (Ending ending : Ending.values()) {
                for (Late late : Late.values()) {
                    for (int flags = 0; flags < 64; flags++) {
                        all.add(of(ending, late, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0,
                                (flags & 8) != 0, (flags & 16) != 0, (flags & 32) != 0));
                    }
                }
            }
            return all;
        }

        /**
         * @param claimed  the customer says it paid (p1) before the end; with a payment in flight the expiry
         *                 worker extends the hold once
         * @param failure  a first payment (p0), claimed, failed before
         * @param flagged  that failure was flagged money, later given back by an operator
         * @param second   a second payment (another gateway) after the first money
         * @param refunded the gateway confirmed the refunds
         */
        static History of(Ending ending, Late late, boolean claimed, boolean failure, boolean flagged,
                          boolean second, boolean refunded, boolean anySeats) {
            List<Step> steps = new ArrayList<>();
            if (ending == Ending.REJECTED) {
                steps.add(new Step.Rejected("SEATS_TAKEN", "taken: A1"));
                return new History(anySeats, steps);
            }
            steps.add(new Step.Held(List.of("A1", "A2"), DEADLINE));
            if (failure) {
                steps.add(new Step.Claim("p0"));
                steps.add(new Step.PaymentFailed("p0", flagged));
                if (flagged) {
                    refund(steps, "p0", "AMOUNT_MISMATCH", refunded);
                }
            }
            boolean inFlight = claimed && ending != Ending.CANCELLED;
            if (inFlight) {
                steps.add(new Step.Claim("p1"));
                if (ending != Ending.STILL_HELD) {
                    steps.add(new Step.HoldExtended(EXTENDED));
                }
            }
            switch (ending) {
                case PAID -> {
                    paid(steps, "p1", false);
                    if (second) {
                        refund(steps, "p2", "DUPLICATE_PAYMENT", refunded);
                    }
                }
                case EXPIRED -> {
                    steps.add(new Step.Expired());
                    lateMoney(steps, late, second, refunded, "SEATS_GONE");
                }
                case CANCELLED -> {
                    steps.add(new Step.Cancel());
                    lateMoney(steps, late == Late.NONE ? Late.NONE : Late.SEATS_GONE, second, refunded, "CANCELLED");
                }
                default -> {
                }
            }
            return new History(anySeats, steps);
        }

        private static void lateMoney(List<Step> steps, Late late, boolean second, boolean refunded,
                                      String seatsGone) {
            switch (late) {
                case NONE -> {
                }
                case RETAKEN -> {
                    paid(steps, "p1", true);
                    if (second) {
                        refund(steps, "p2", "DUPLICATE_PAYMENT", refunded);
                    }
                }
                case SEATS_GONE, SCREENING_STARTED -> {
                    refund(steps, "p1", late == Late.SEATS_GONE ? seatsGone : "SCREENING_STARTED", refunded);
                    if (second && !"CANCELLED".equals(seatsGone)) {
                        paid(steps, "p2", true);
                    } else if (second) {
                        refund(steps, "p2", seatsGone, refunded);
                    }
                }
            }
        }

        private static void paid(List<Step> steps, String payment, boolean retaken) {
            steps.add(new Step.TicketsIssued(payment));
            steps.add(new Step.Paid(payment, retaken));
        }

        private static void refund(List<Step> steps, String payment, String reason, boolean completed) {
            steps.add(new Step.RefundRequested(payment, reason));
            if (completed) {
                steps.add(new Step.RefundCompleted(payment));
            }
        }
    }

    /** One event or command of an order, as order-api applies it to the order. */
    sealed interface Step {

        Channel channel();

        void applyTo(Order order);

        record Held(List<String> seats, Instant deadline) implements Step {
            public Channel channel() {
                return Channel.SEAT_EVENTS;
            }

            public void applyTo(Order order) {
                order.hold(seats, deadline, NOW);
            }
        }

        record Rejected(String reason, String detail) implements Step {
            public Channel channel() {
                return Channel.SEAT_EVENTS;
            }

            public void applyTo(Order order) {
                order.reject(reason, detail, NOW);
            }
        }

        record HoldExtended(Instant deadline) implements Step {
            public Channel channel() {
                return Channel.SEAT_EVENTS;
            }

            public void applyTo(Order order) {
                order.extendHold(deadline, NOW);
            }
        }

        /** Tickets are order-api's own table, not the order's state: here only a step on the seat-events topic. */
        record TicketsIssued(String payment) implements Step {
            public Channel channel() {
                return Channel.SEAT_EVENTS;
            }

            public void applyTo(Order order) {
            }
        }

        record Paid(String payment, boolean retaken) implements Step {
            public Channel channel() {
                return Channel.ORDER_EVENTS;
            }

            public void applyTo(Order order) {
                order.paid(NOW);
            }
        }

        record PaymentFailed(String payment, boolean flagged) implements Step {
            public Channel channel() {
                return Channel.ORDER_EVENTS;
            }

            public void applyTo(Order order) {
                order.paymentFailed(payment, NOW);
            }
        }

        record Expired() implements Step {
            public Channel channel() {
                return Channel.ORDER_EVENTS;
            }

            public void applyTo(Order order) {
                order.expire(NOW);
            }
        }

        record RefundRequested(String payment, String reason) implements Step {
            public Channel channel() {
                return Channel.ORDER_EVENTS;
            }

            public void applyTo(Order order) {
                order.refundRequested(payment, reason, NOW);
            }
        }

        record RefundCompleted(String payment) implements Step {
            public Channel channel() {
                return Channel.ORDER_EVENTS;
            }

            public void applyTo(Order order) {
                order.refunded(payment, NOW);
            }
        }

        /** The customer says it paid; it can only have seen the order held. */
        record Claim(String payment) implements Step {
            public Channel channel() {
                return Channel.CUSTOMER;
            }

            public void applyTo(Order order) {
                order.claimPayment(Set.of(payment), NOW);
            }
        }

        record Cancel() implements Step {
            public Channel channel() {
                return Channel.CUSTOMER;
            }

            public void applyTo(Order order) {
                order.cancel(NOW);
            }
        }
    }

    /**
     * Delivers a history as order-api can receive it. Each topic keeps its own order; the two interleave at random.
     * The customer's commands keep their place among the order's events (order-api decides both, one at a time, and
     * the money that follows a cancellation was caused by it) and come after every seat event before them (the
     * customer acts on what order-api showed). Redelivered events come again later on their own topic.
     */
    static final class Delivery {

        static List<Step> shuffled(List<Step> history, Random random) {
            List<Step> seat = new ArrayList<>();
            List<Step> order = new ArrayList<>();
            List<Integer> seatEventsBefore = new ArrayList<>();
            for (Step step : history) {
                if (step.channel() == Channel.SEAT_EVENTS) {
                    seat.add(step);
                } else {
                    order.add(step);
                    seatEventsBefore.add(seat.size());
                }
            }
            List<Step> seatDelivered = withRepeats(seat, random);
            List<Step> orderDelivered = withRepeats(order, random);
            List<Step> delivered = new ArrayList<>();
            int s = 0;
            int o = 0;
            int originalOrderSteps = 0;
            int seatOriginalsDelivered = 0;
            while (s < seatDelivered.size() || o < orderDelivered.size()) {
                boolean takeSeat = o == orderDelivered.size() || s < seatDelivered.size() && random.nextBoolean();
                Step next = takeSeat ? null : orderDelivered.get(o);
                if (!takeSeat && next.channel() == Channel.CUSTOMER && isOriginal(next, order, originalOrderSteps)
                        && seatOriginalsDelivered < seatEventsBefore.get(originalOrderSteps)) {
                    takeSeat = true;
                }
                if (takeSeat) {
                    Step step = seatDelivered.get(s++);
                    if (seatOriginalsDelivered < seat.size() && step == seat.get(seatOriginalsDelivered)) {
                        seatOriginalsDelivered++;
                    }
                    delivered.add(step);
                } else {
                    if (isOriginal(next, order, originalOrderSteps)) {
                        originalOrderSteps++;
                    }
                    o++;
                    delivered.add(next);
                }
            }
            return delivered;
        }

        private static boolean isOriginal(Step step, List<Step> originals, int delivered) {
            return delivered < originals.size() && step == originals.get(delivered);
        }

        /** The topic's events in order, some of them again at a later place (commands are not repeated). */
        private static List<Step> withRepeats(List<Step> steps, Random random) {
            List<Step> out = new ArrayList<>(steps);
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (step.channel() != Channel.CUSTOMER && random.nextInt(3) == 0) {
                    int at = out.indexOf(step) + 1 + random.nextInt(out.size() - out.indexOf(step));
                    out.add(at, copyOf(step));
                }
            }
            return out;
        }

        /** A repeat is an equal event but not the same object, so that only the originals count as delivered. */
        private static Step copyOf(Step step) {
            return switch (step) {
                case Step.Held h -> new Step.Held(h.seats(), h.deadline());
                case Step.Rejected r -> new Step.Rejected(r.reason(), r.detail());
                case Step.HoldExtended e -> new Step.HoldExtended(e.deadline());
                case Step.TicketsIssued t -> new Step.TicketsIssued(t.payment());
                case Step.Paid p -> new Step.Paid(p.payment(), p.retaken());
                case Step.PaymentFailed f -> new Step.PaymentFailed(f.payment(), f.flagged());
                case Step.Expired e -> new Step.Expired();
                case Step.RefundRequested r -> new Step.RefundRequested(r.payment(), r.reason());
                case Step.RefundCompleted r -> new Step.RefundCompleted(r.payment());
                case Step.Claim c -> new Step.Claim(c.payment());
                case Step.Cancel c -> new Step.Cancel();
            };
        }
    }
}
