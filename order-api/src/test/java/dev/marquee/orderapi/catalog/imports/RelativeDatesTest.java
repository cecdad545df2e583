package dev.marquee.orderapi.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class RelativeDatesTest {

    @Test
    void isoAndRelativeDates() {
        LocalDate today = LocalDate.now();
        assertThat(RelativeDates.date("2026-12-24")).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(RelativeDates.date("today")).isEqualTo(today);
        assertThat(RelativeDates.date("Today+90")).isEqualTo(today.plusDays(90));
        assertThat(RelativeDates.date("today-1")).isEqualTo(today.minusDays(1));
        assertThat(RelativeDates.dateTime("2026-12-24 18:00")).isEqualTo(LocalDateTime.of(2026, 12, 24, 18, 0));
        assertThat(RelativeDates.dateTime("today+1 9:30")).isEqualTo(today.plusDays(1).atTime(9, 30));
        assertThat(RelativeDates.dateTime("today+2T20:00")).isEqualTo(today.plusDays(2).atTime(20, 0));
        assertThatThrownBy(() -> RelativeDates.date("today 18:00")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> RelativeDates.dateTime("today+1")).isInstanceOf(RuntimeException.class);
    }
}
