package dev.marquee.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.marquee.stack.DevSecrets;
import org.junit.jupiter.api.Test;

class AttemptPlanTest {

    /** Hall 1's row A, with its aisle after seat 4, and a short row. */
    static final HallRows HALL = new HallRows(List.of(
            List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"),
            List.of("B1", "B2")));

    @Test
    void aFanAsksForOneToMaxNeighbouringSeatsOfOneRow() {
        Random random = new Random(7);
        Set<Integer> sizes = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            List<String> block = HALL.randomBlock(random, 4);
            List<String> row = HALL.rows().stream().filter(r -> r.contains(block.getFirst())).findFirst().orElseThrow();
            int first = row.indexOf(block.getFirst());
            assertThat(block).isEqualTo(row.subList(first, first + block.size()));
            sizes.add(block.size());
        }
        assertThat(sizes).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void aRowShorterThanTheWishGivesTheWholeRow() {
        HallRows shortRow = new HallRows(List.of(List.of("B1", "B2")));
        Random random = new Random(1);
        for (int i = 0; i < 100; i++) {
            assertThat(shortRow.randomBlock(random, 4)).isSubsetOf("B1", "B2").isNotEmpty();
        }
        assertThat(shortRow.capacity()).isEqualTo(2);
    }

    @Test
    void theSameSeedGivesTheSamePlanAndNoBodyNamesACustomer() {
        List<String> plan = AttemptPlan.orders(HALL, 3, 500, 4, 42);

        assertThat(plan).hasSize(500).isEqualTo(AttemptPlan.orders(HALL, 3, 500, 4, 42))
                .isNotEqualTo(AttemptPlan.orders(HALL, 3, 500, 4, 43));
        assertThat(plan.getFirst()).startsWith("{\"screeningId\":3,\"seats\":[\"");
        assertThat(plan).noneMatch(body -> body.contains("customerId"));
    }

    @Test
    void generalAdmissionAsksForAnyOneToMaxSeatsNamingNone() {
        List<String> plan = AttemptPlan.anySeats(3, 2_000, 4, 42);

        assertThat(plan).hasSize(2_000).isEqualTo(AttemptPlan.anySeats(3, 2_000, 4, 42));
        assertThat(plan).allMatch(body -> body.matches("\\{\"screeningId\":3,\"anySeats\":[1-4]}"));
        assertThat(plan.stream().map(body -> body.replaceAll("\\D+", " ").trim()).distinct())
                .containsExactlyInAnyOrder("3 1", "3 2", "3 3", "3 4");
    }

    /** Each attempt is its own customer: attempt i is sent with customer "fan-i"'s token. */
    @Test
    void everyAttemptIsItsOwnSignedInCustomer() {
        List<String> tokens = new BenchCustomers(DevSecrets.generate()).tokens(AttemptPlan.FANS, 50, System.out);

        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String claims = new String(Base64.getUrlDecoder().decode(tokens.get(i).split("\\.")[1]),
                    StandardCharsets.UTF_8);
            Matcher subject = Pattern.compile("\"sub\":\"([^\"]+)\"").matcher(claims);
            assertThat(subject.find()).as(claims).isTrue();
            assertThat(subject.group(1)).isEqualTo("fan-" + i);
            subjects.add(subject.group(1));
        }
        assertThat(subjects).hasSize(50);
    }
}
