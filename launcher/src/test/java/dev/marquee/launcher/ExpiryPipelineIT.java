package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitStatus;
import static dev.marquee.launcher.Api.count;
import static dev.marquee.launcher.Api.get;
import static dev.marquee.launcher.Api.heldOrder;
import static dev.marquee.launcher.Api.json;
import static dev.marquee.launcher.Api.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import dev.marquee.gateway.simulator.Faults;
import dev.marquee.gateway.simulator.Outcome;
import dev.marquee.gateway.simulator.PayRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds that end without a payment: released by the expiry worker on time, extended once while a payment is in
 * flight, raced against payments arriving at the deadline, and cancelled by the customer.
 */
class ExpiryPipelineIT {

    /** The shared pipeline's sweep interval (the default). */
    private static final Duration SWEEP = Duration.ofSeconds(1);

    @BeforeAll
    static void start() {
        SharedPipeline.get();
    }

    @Test
    void anUnpaidHoldIsReleasedWithinASweepAndASecondOfItsDeadlineAndItsSeatsSellAgain() throws Exception {
        long screening = Api.newScreening(2);
        String order = heldOrder(screening, "G1", "G2");
        Instant deadline = Api.moveHoldDeadline(order, Instant.now().plusSeconds(1));

        awaitStatus(order, "EXPIRED");
        Instant expiredAt = Instant.now();
        assertThat(expiredAt).isBefore(deadline.plus(SWEEP).plusSeconds(1));
        assertThat(count("SELECT COUNT(*) FROM seat_claim WHERE order_id = '" + order + "'")).isZero();

        String again = heldOrder(screening, "G1", "G2");
        assertThat(json(get("/api/orders/" + again)).<String>read("$.status")).isEqualTo("HELD");
    }

    @Test
    void aPendingPaymentExtendsTheHoldOnceInsteadOfReleasingIt() throws Exception {
        String order = heldOrder(Api.newScreening(2), "G3");
        post("/api/orders/" + order + "/payments", "{\"gateway\":\"alipay\"}");
        assertThat(json(post("/api/orders/" + order + "/payments/claimed", "")).<String>read("$.status"))
                .isEqualTo("PAYMENT_PENDING");
        Instant deadline = Api.moveHoldDeadline(order, Instant.now().plusMillis(500));

        // order-api still shows the pipeline's 15-minute deadline until the extension arrives
        DocumentContext extended = await().atMost(Duration.ofSeconds(10)).until(() -> json(get("/api/orders/" + order)),
                doc -> Instant.parse(doc.read("$.holdDeadline")).isBefore(Instant.now().plus(Duration.ofMinutes(10))));
        assertThat(extended.<String>read("$.status")).isEqualTo("PAYMENT_PENDING");
        // the claim marked the hold's payment in flight: its extension runs from the deadline, to the end the
        // allocator and payment-listener already counted the hold live until
        assertThat(Instant.parse(extended.read("$.holdDeadline")))
                .isEqualTo(deadline.truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofMinutes(5)));

        Api.moveHoldDeadline(order, Instant.now().plusMillis(300));
        awaitStatus(order, "EXPIRED");
        assertThat(count("SELECT COUNT(*) FROM allocation WHERE order_id = '" + order + "' AND extended_at IS NOT NULL"))
                .isEqualTo(1);
    }

    /** A payment sent at the very moment the hold lapses: PAID, or EXPIRED and then re-taken; never a seat sold twice. */
    @Test
    void aPaymentAtTheInstantOfExpiryEndsPaidExactlyOnce() throws Exception {
        long screening = Api.newScreening(2);
        List<String> orders = new ArrayList<>();
        int refundsBefore = SharedPipeline.gateway().refunds().size();
        for (int i = 0; i < 40; i++) {
            String order = heldOrder(screening, (i < 20 ? "H" : "I") + (i % 20 + 1));
            DocumentContext started = json(post("/api/orders/" + order + "/payments", "{\"gateway\":\"alipay\"}"));
            Instant deadline = Api.moveHoldDeadline(order, Instant.now().plusMillis(1500));
            long delayMillis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            SharedPipeline.gateway().pay(new PayRequest("alipay", started.read("$.paymentId"), 6000, "CNY",
                    URI.create(SharedPipeline.baseUrl() + "/api/payments/alipay/notify"), Outcome.SUCCESS,
                    new Faults(0, Duration.ofMillis((long) (delayMillis / SharedPipeline.GATEWAY_TIME_SCALE)),
                            false, false)));
            orders.add(order);
        }
        for (String order : orders) {
            DocumentContext paid = awaitStatus(order, "PAID");
            assertThat(paid.<List<String>>read("$.payments[*].status")).containsExactly("PAID");
        }
        assertThat(count("SELECT COUNT(*) FROM seat_claim WHERE screening_id = " + screening
                + " AND hold_until IS NULL")).isEqualTo(40);
        assertThat(count("SELECT COUNT(*) FROM payment_trade t JOIN customer_order o ON o.id = t.order_id"
                + " WHERE o.screening_id = " + screening + " AND t.outcome = 'PAID'")).isEqualTo(40);
        assertThat(SharedPipeline.gateway().refunds()).hasSize(refundsBefore);
    }

    @Test
    void aCancelledOrderGivesItsSeatsBackAtOnceAndOnlyAHeldOrderCanBeCancelled() throws Exception {
        long screening = Api.newScreening(2);
        String order = heldOrder(screening, "J1", "J2");

        HttpResponse<String> cancelled = post("/api/orders/" + order + "/cancel", "");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).<String>read("$.status")).isEqualTo("CANCELLED");
        assertThat(count("SELECT COUNT(*) FROM seat_claim WHERE order_id = '" + order + "'")).isZero();
        assertThat(json(post("/api/orders/" + order + "/cancel", "")).<String>read("$.status")).isEqualTo("CANCELLED");

        String again = heldOrder(screening, "J1", "J2");
        HttpResponse<String> notHeld = post("/api/orders/" + heldOrderPaid(screening) + "/cancel", "");
        assertThat(notHeld.statusCode()).isEqualTo(409);
        assertThat(json(notHeld).<String>read("$.code")).isEqualTo("order-not-cancellable");
        assertThat(json(get("/api/orders/" + again)).<String>read("$.status")).isEqualTo("HELD");
    }

    private static String heldOrderPaid(long screening) throws Exception {
        String order = heldOrder(screening, "J5");
        DocumentContext started = json(post("/api/orders/" + order + "/payments", "{\"gateway\":\"alipay\"}"));
        SharedPipeline.gateway().pay(new PayRequest("alipay", started.read("$.paymentId"), 6000, "CNY",
                URI.create(SharedPipeline.baseUrl() + "/api/payments/alipay/notify"), Outcome.SUCCESS, Faults.none()));
        awaitStatus(order, "PAID");
        return order;
    }
}
