package dev.marquee.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DetailTest {

    @Test
    void aListingThatFitsIsKeptWhole() {
        assertThat(Detail.listing("taken: ", List.of("A1", "A2"), ",")).isEqualTo("taken: A1,A2");
    }

    @Test
    void aLongListingKeepsWhatFitsAndCountsTheRest() {
        List<String> seats = IntStream.rangeClosed(1, 100).mapToObj(n -> "seat K" + n).toList();

        String detail = Detail.listing("not in this hall: ", seats, ", ");

        assertThat(detail).hasSizeLessThanOrEqualTo(255).startsWith("not in this hall: seat K1, seat K2, ");
        int shown = detail.substring("not in this hall: ".length()).split(", ").length - 1;
        assertThat(detail).endsWith(", seat K" + shown + ", … and " + (100 - shown) + " more");
    }

    @Test
    void oneHugeItemIsCountedNotCut() {
        assertThat(Detail.listing("not in this hall: ", List.of("Z".repeat(300)), ", "))
                .isEqualTo("not in this hall: … and 1 more");
    }

    @Test
    void aLeadTooLongForAnyListingIsCut() {
        assertThat(Detail.listing("x".repeat(300), List.of("A1"), ", ")).hasSize(255).endsWith("…");
    }
}
