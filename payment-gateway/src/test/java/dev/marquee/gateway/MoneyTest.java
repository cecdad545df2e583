package dev.marquee.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
            "12.50, CNY, 1250",
            "12.5,  CNY, 1250",
            "12,    CNY, 1200",
            "0.01,  CNY, 1",
            "0,     CNY, 0",
            "500,   JPY, 500",
            "1.234, KWD, 1234"})
    void readsDecimalsInTheCurrencysMinorUnits(String decimal, String currency, long minor) {
        assertThat(Money.toMinor(decimal, currency)).isEqualTo(minor);
    }

    @ParameterizedTest
    @CsvSource({
            "1250, CNY, 12.50",
            "1,    CNY, 0.01",
            "0,    CNY, 0.00",
            "500,  JPY, 500",
            "1234, KWD, 1.234"})
    void writesMinorUnitsWithTheCurrencysFractionDigits(long minor, String currency, String decimal) {
        assertThat(Money.toDecimal(minor, currency)).isEqualTo(decimal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.505", "-1.00", "abc", "", "1e3", ".5", "1.", "+1", " 1", "1,00", "99999999999999999999"})
    void rejectsWhatIsNotAnAmountOfYuan(String decimal) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.toMinor(decimal, "CNY"));
    }

    @Test
    void rejectsFractionsOfAYen() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.toMinor("500.5", "JPY"));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.toMinor("500.0", "JPY"));
    }

    @Test
    void rejectsUnknownCurrenciesAndNegativeMinorAmounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.toMinor("1.00", "XYZ"));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.toDecimal(-1, "CNY"));
    }
}
