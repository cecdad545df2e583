package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitDecision;
import static dev.marquee.launcher.Api.awaitStatus;
import static dev.marquee.launcher.Api.heldOrder;
import static dev.marquee.launcher.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whose order it is: the customer is the signed-in caller, never a field of the request; customers see, cancel and
 * pay only their own orders (another's answers exactly as a missing one does); staff manage the orders of their
 * merchant's cinemas, admins all; and the allocator's seat limit per customer counts the real customer.
 */
class OrderOwnershipIT {

    /** The demo cinema (halls 1 and 2) belongs to merchant 1. */
    static final long DEMO_MERCHANT = 1;

    @BeforeAll
    static void start() {
        SharedPipeline.get();
    }

    @Test
    void theCustomerOfAnOrderIsWhoeverSignedIn() throws Exception {
        SignedIn alice = SignedIn.customer();
        String order = heldOrder(alice, Api.newScreening(2), "K1");

        assertThat(json(alice.get("/api/orders/" + order)).<String>read("$.customerId")).isEqualTo(alice.subject());
        assertThat(Api.query("SELECT customer_id FROM customer_order WHERE id = '" + order + "'"))
                .containsExactly(alice.subject());
    }

    @Test
    void aBodyThatStillNamesACustomerIsRefusedAndNobodyOrdersWithoutSigningIn() throws Exception {
        long screening = Api.newScreening(2);
        HttpResponse<String> named = SignedIn.customer().post("/api/orders",
                "{\"customerId\":\"someone-else\",\"screeningId\":" + screening + ",\"seats\":[\"K2\"]}");
        HttpResponse<String> anonymous = SignedIn.anonymous().post("/api/orders",
                "{\"screeningId\":" + screening + ",\"seats\":[\"K2\"]}");

        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(json(named).<String>read("$.code")).isEqualTo("invalid-request");
        assertThat(json(named).<List<String>>read("$.errors[*].field")).containsExactly("customerId");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).<String>read("$.code")).isEqualTo("unauthenticated");
    }

    @Test
    void anotherCustomersOrderAnswersLikeAMissingOneAndIsLeftAlone() throws Exception {
        SignedIn alice = SignedIn.customer();
        SignedIn bob = SignedIn.customer();
        String order = heldOrder(alice, Api.newScreening(2), "K3", "K4");
        HttpResponse<String> missing = bob.get("/api/orders/no-such-order");

        List<HttpResponse<String>> attempts = List.of(
                bob.get("/api/orders/" + order),
                bob.post("/api/orders/" + order + "/cancel", ""),
                bob.post("/api/orders/" + order + "/payments", "{\"gateway\":\"alipay\"}"),
                bob.post("/api/orders/" + order + "/payments/claimed", ""));

        assertThat(missing.statusCode()).isEqualTo(404);
        for (HttpResponse<String> attempt : attempts) {
            assertThat(attempt.statusCode()).as(attempt.request().uri() + " " + attempt.body()).isEqualTo(404);
            assertThat(json(attempt).<String>read("$.code")).isEqualTo("order-not-found");
            assertThat(json(attempt).<String>read("$.detail")).isEqualTo(
                    json(missing).<String>read("$.detail").replace("no-such-order", order));
        }
        assertThat(json(alice.get("/api/orders/" + order)).<String>read("$.status")).isEqualTo("HELD");
        assertThat(json(alice.get("/api/orders/" + order)).<List<Object>>read("$.payments")).isEmpty();
    }

    @Test
    void staffManageTheirMerchantsOrdersAndAdminsAllButNeitherPaysForThem() throws Exception {
        SignedIn alice = SignedIn.customer();
        long screening = Api.newScreening(2);
        String order = heldOrder(alice, screening, "K5");
        String other = heldOrder(alice, screening, "K6");
        SignedIn staff = SignedIn.staff(DEMO_MERCHANT);
        SignedIn elsewhere = SignedIn.staff(DEMO_MERCHANT + 1000);
        SignedIn admin = SignedIn.admin();

        assertThat(staff.get("/api/orders/" + order).statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/orders/" + order).statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/api/orders/" + order).statusCode()).isEqualTo(404);
        assertThat(elsewhere.post("/api/orders/" + order + "/cancel", "").statusCode()).isEqualTo(404);
        assertThat(staff.post("/api/orders/" + order + "/payments", "{}").statusCode()).isEqualTo(403);
        assertThat(admin.post("/api/orders/" + order + "/payments", "{}").statusCode()).isEqualTo(404);

        assertThat(json(staff.post("/api/orders/" + order + "/cancel", "")).<String>read("$.status"))
                .isEqualTo("CANCELLED");
        assertThat(json(admin.post("/api/orders/" + other + "/cancel", "")).<String>read("$.status"))
                .isEqualTo("CANCELLED");
    }

    /**
     * The allocator allows 10 seats of a screening per customer (6 per order). Two sign-ins of one customer are one
     * customer to it; two customers each have their own 10.
     */
    @Test
    void theSeatLimitPerCustomerCountsTheSignedInCustomerAcrossTokens() throws Exception {
        long screening = Api.newScreening(2);
        SignedIn alice = SignedIn.customer();
        SignedIn aliceOnHerPhone = alice.again();
        SignedIn bob = SignedIn.customer();

        awaitStatus(place(alice, screening, 6), "HELD");
        awaitStatus(place(bob, screening, 6), "HELD");
        String tooMany = place(aliceOnHerPhone, screening, 5);
        String bobsRest = place(bob, screening, 4);

        assertThat(awaitDecision(tooMany).<String>read("$.rejection.reason")).isEqualTo("CUSTOMER_LIMIT");
        assertThat(awaitDecision(bobsRest).<String>read("$.status")).isEqualTo("HELD");
        assertThat(Api.query("SELECT COUNT(*) FROM seat_claim WHERE screening_id = " + screening + " AND customer_id = '"
                + alice.subject() + "' AND hold_until IS NOT NULL")).containsExactly("6");
    }

    private static String place(SignedIn customer, long screening, int seats) throws Exception {
        HttpResponse<String> placed = customer.post("/api/orders",
                "{\"screeningId\":" + screening + ",\"anySeats\":" + seats + "}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        return json(placed).read("$.id");
    }
}
