package dev.marquee.orderapi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class BrowsingTest {

    @Test
    void distancesAreGreatCircleKilometres() {
        double shanghaiToHangzhou = Browsing.distanceKm(new double[] {31.2304, 121.4737}, new BigDecimal("30.2741"),
                new BigDecimal("120.1551"));

        assertThat(shanghaiToHangzhou).isCloseTo(165, within(5.0));
        assertThat(Browsing.distanceKm(new double[] {30, 120}, BigDecimal.valueOf(30), BigDecimal.valueOf(120)))
                .isZero();
    }

    @Test
    void aPageIsASliceOfTheSortedListWithItsTotal() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);

        assertThat(Browsing.Page.of(all, 1, 2)).isEqualTo(new Browsing.Page<>(List.of(3, 4), 1, 2, 5));
        assertThat(Browsing.Page.of(all, 2, 2).items()).containsExactly(5);
        assertThat(Browsing.Page.of(all, 9, 2).items()).isEmpty();
    }
}
