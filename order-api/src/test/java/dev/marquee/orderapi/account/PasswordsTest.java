package dev.marquee.orderapi.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordsTest {

    /** Counts the hash computations a check costs. */
    static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return "h:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return encoded.equals("h:" + raw);
        }
    }

    final CountingEncoder encoder = new CountingEncoder();
    final Passwords passwords = new Passwords(encoder);

    @Test
    void anUnknownAccountCostsTheSameHashAsAWrongPassword() {
        String hash = passwords.hash("popcorn at row F");
        assertThat(passwords.matches("popcorn at row G", hash)).isFalse();
        assertThat(encoder.checks).hasValue(1);
        assertThat(passwords.matches("popcorn at row F", null)).isFalse();
        assertThat(encoder.checks).hasValue(2);
        assertThat(passwords.matches(null, null)).isFalse();
        assertThat(encoder.checks).hasValue(3);
    }

    @Test
    void theRightPasswordMatches() {
        assertThat(passwords.matches("popcorn at row F", passwords.hash("popcorn at row F"))).isTrue();
    }

    @Test
    void newHashesAreArgon2idAndOldBcryptHashesStillMatch() {
        PasswordEncoder configured = new AccountsConfiguration().passwordEncoder();
        String hash = configured.encode("popcorn at row F");
        assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
        assertThat(configured.matches("popcorn at row F", hash)).isTrue();
        String bcrypt = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                .encode("popcorn at row F");
        assertThat(configured.matches("popcorn at row F", bcrypt)).isTrue();
    }
}
