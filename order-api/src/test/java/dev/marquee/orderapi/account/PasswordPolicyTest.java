package dev.marquee.orderapi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy(10);
    final PhoneNumber phone = PhoneNumber.parse("+86 138-0013-8000");

    @ParameterizedTest
    @ValueSource(strings = {"short1!", "password123", "Password123", "qwertyuiop", "1234567890", "9876543210",
            "abcdefghijk", "aaaaaaaaaaaa", "ababababab", "my13800138000"})
    void refusesWeakPasswords(String weak) {
        assertThatThrownBy(() -> policy.check(weak, phone)).isInstanceOfSatisfying(AccountRefusedException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("password-weak");
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @Test
    void refusesNoPasswordAtAllAndOnesTooLongToHashCheaply() {
        assertThatThrownBy(() -> policy.check(null, phone)).isInstanceOf(AccountRefusedException.class);
        assertThatThrownBy(() -> policy.check("correct horse ".repeat(10), phone))
                .isInstanceOf(AccountRefusedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "popcorn-at-row-F", "Tr0ub4dor&3x"})
    void takesPasswordsOfReasonableStrength(String fine) {
        assertThatCode(() -> policy.check(fine, phone)).doesNotThrowAnyException();
    }
}
