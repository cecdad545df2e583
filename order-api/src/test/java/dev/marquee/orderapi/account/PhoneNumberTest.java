package dev.marquee.orderapi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @Test
    void dropsWhatPeopleTypeBetweenDigits() {
        assertThat(PhoneNumber.parse(" +86 (138) 0013-8000 ").value()).isEqualTo("+8613800138000");
        assertThat(PhoneNumber.parse("+1.415.555.0100").value()).isEqualTo("+14155550100");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"13800138000", "+0123456789", "+86138001380001234", "+8613800x38000", "+123456",
            "0086 138 0013 8000"})
    void refusesWhatIsNotInternationalForm(String typed) {
        assertThatThrownBy(() -> PhoneNumber.parse(typed)).isInstanceOfSatisfying(AccountRefusedException.class,
                e -> assertThat(e.code()).isEqualTo("phone-invalid"));
    }
}
