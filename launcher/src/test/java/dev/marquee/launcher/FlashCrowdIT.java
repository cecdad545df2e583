package dev.marquee.launcher;

import static dev.marquee.launcher.Api.awaitDecision;
import static dev.marquee.launcher.Api.get;
import static dev.marquee.launcher.Api.json;
import static dev.marquee.launcher.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 200 clients released at once on overlapping seats of one screening: no seat is held twice, every order gets
 * exactly one answer (a 409 at the edge once the seat map shows its seats taken, else HELD or REJECTED by the
 * allocator), and the ledger's held, sold and free seats add up to the hall's capacity, with the seat map showing
 * each seat as the ledger has it.
 */
class FlashCrowdIT {

    static long SCREENING;
    static final int CAPACITY = 300;
    static final int CLIENTS = 200;

    @BeforeAll
    static void start() throws Exception {
        SharedPipeline.get();
        SCREENING = Api.newScreening(2);
    }

    @Test
    void twoHundredClientsRaceForOverlappingSeatsAndNoSeatIsHeldTwice() throws Exception {
        List<String> orderIds = race();

        Map<String, String> holderOfSeat = new HashMap<>();
        int heldSeats = 0;
        Set<String> statuses = new HashSet<>();
        for (String id : orderIds) {
            DocumentContext order = awaitDecision(id);
            String status = order.read("$.status");
            statuses.add(status);
            if ("HELD".equals(status)) {
                for (String seat : order.<List<String>>read("$.seats")) {
                    assertThat(holderOfSeat.put(seat, id)).as("seat %s held twice", seat).isNull();
                    heldSeats++;
                }
            }
        }
        assertThat(statuses).contains("HELD", "REJECTED").isSubsetOf("HELD", "REJECTED");

        List<String> claims = query("SELECT seat_label, order_id FROM seat_claim WHERE screening_id = " + SCREENING);
        Map<String, String> claimed = new HashMap<>();
        claims.forEach(row -> claimed.put(row.split("=")[0], row.split("=")[1]));
        assertThat(claimed).containsAllEntriesOf(holderOfSeat);
        assertThat(Api.count("SELECT COUNT(*) FROM customer_order WHERE screening_id = " + SCREENING
                + " AND status NOT IN ('HELD', 'REJECTED')")).isZero();
        long heldInDb = Api.count("SELECT COUNT(*) FROM order_seat s JOIN customer_order o ON o.id = s.order_id"
                + " WHERE o.screening_id = " + SCREENING + " AND o.status = 'HELD'");
        assertThat(claims).hasSize((int) heldInDb);

        // S2 against the ledger itself: its live holds, its tickets and the hall's unclaimed seats, each counted
        // by its own query, make the hall; the seat map (whose free is capacity - held - sold by construction)
        // must then show exactly the ledger's seats in each state
        Set<String> heldInLedger = Set.copyOf(query("SELECT seat_label FROM seat_claim WHERE screening_id = "
                + SCREENING + " AND hold_until > NOW(3)"));
        Set<String> soldInLedger = Set.copyOf(query("SELECT seat_label FROM seat_claim WHERE screening_id = "
                + SCREENING + " AND hold_until IS NULL"));
        Set<String> freeInLedger = Set.copyOf(query("SELECT hs.label FROM hall_seat hs JOIN screening sc"
                + " ON sc.hall_id = hs.hall_id LEFT JOIN seat_claim c ON c.screening_id = sc.id"
                + " AND c.seat_label = hs.label AND (c.hold_until IS NULL OR c.hold_until > NOW(3))"
                + " WHERE sc.id = " + SCREENING + " AND c.seat_label IS NULL"));
        long hallSeats = Api.count("SELECT COUNT(*) FROM hall_seat hs JOIN screening sc ON sc.hall_id = hs.hall_id"
                + " WHERE sc.id = " + SCREENING);
        assertThat(hallSeats).isEqualTo(CAPACITY);
        assertThat(heldInLedger).hasSize(claims.size()).containsAll(holderOfSeat.keySet());
        assertThat(heldInLedger.size() + soldInLedger.size() + freeInLedger.size()).isEqualTo(CAPACITY);

        DocumentContext map = json(org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> get("/api/screenings/" + SCREENING + "/seats"),
                        r -> json(r).<Integer>read("$.held") == heldInLedger.size()));
        assertThat(Set.copyOf(map.<List<String>>read("$.seats[?(@.state == 'HELD')].label"))).isEqualTo(heldInLedger);
        assertThat(Set.copyOf(map.<List<String>>read("$.seats[?(@.state == 'SOLD')].label"))).isEqualTo(soldInLedger);
        assertThat(Set.copyOf(map.<List<String>>read("$.seats[?(@.state == 'FREE')].label"))).isEqualTo(freeInLedger);
        assertThat(map.<Integer>read("$.free")).isEqualTo(freeInLedger.size());
        assertThat(map.<Integer>read("$.sold")).isEqualTo(soldInLedger.size());
        assertThat(heldSeats).isPositive().isLessThanOrEqualTo(claims.size());
    }

    /** Every client waits at the barrier, then orders 1-4 adjacent seats in rows A-C, or any 2 seats. */
    private static List<String> race() throws Exception {
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String body = body(c, new Random(c));
                SignedIn customer = SignedIn.customer(); // signed in before the race, as a crowd waiting for the sale
                answers.add(clients.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return customer.post("/api/orders", body);
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                if (response.statusCode() == 409) {
                    assertThat(json(response).<String>read("$.code")).isIn("seats-taken", "sold-out");
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                    ids.add(json(response).read("$.id"));
                }
            }
            assertThat(ids).as("orders past the edge (the allocator must see a race)").hasSizeGreaterThan(CLIENTS / 10);
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    private static String body(int client, Random random) {
        if (client % 10 == 0) {
            return "{\"screeningId\":" + SCREENING + ",\"anySeats\":2}";
        }
        char row = (char) ('A' + random.nextInt(3));
        int count = 1 + random.nextInt(4);
        int first = 1 + random.nextInt(20 - count + 1);
        List<String> seats = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            seats.add("\"" + row + n + "\"");
        }
        return "{\"screeningId\":" + SCREENING + ",\"seats\":["
                + String.join(",", seats) + "]}";
    }
}
