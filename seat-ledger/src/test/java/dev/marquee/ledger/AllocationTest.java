package dev.marquee.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class AllocationTest {

    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    @Test
    void aRejectionFitsItsRowWhateverItWasGiven() {
        List<String> seats = IntStream.rangeClosed(1, 200).mapToObj(n -> "K" + n).toList();
        Allocation a = Allocation.rejected("o-1", 7, 2, seats, "R".repeat(60), "d".repeat(1000), NOW);

        assertThat(a.reason()).hasSize(Allocation.REASON_LENGTH);
        assertThat(a.detail()).hasSize(Allocation.DETAIL_LENGTH).endsWith("d…");
        assertThat(String.join(",", a.seats())).hasSizeLessThanOrEqualTo(Allocation.SEATS_LENGTH);
        assertThat(a.seats()).startsWith("K1", "K2").hasSizeGreaterThan(50);
    }

    @Test
    void whatFitsIsKeptAsItIs() {
        Allocation a = Allocation.rejected("o-1", 7, 2, List.of("A1", "A2"), "ORPHAN_SEAT", "d".repeat(255), NOW);

        assertThat(a.detail()).isEqualTo("d".repeat(255));
        assertThat(a.seats()).containsExactly("A1", "A2");
        assertThat(Allocation.cut(null, 10)).isNull();
    }

    @Test
    void aCutNeverSplitsACharacter() {
        String text = "x".repeat(253) + "😀" + "tail";

        assertThat(Allocation.cut(text, 255)).isEqualTo("x".repeat(253) + "…");
    }

    @Test
    void heldSeatsAreNeverDropped() {
        List<String> seats = Collections.nCopies(150, "ABCDEFGH");

        assertThat(Allocation.held("o-1", 7, 2, seats, NOW, 3, NOW).seats()).hasSize(150);
    }
}
