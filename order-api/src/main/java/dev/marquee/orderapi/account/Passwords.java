package dev.marquee.orderapi.account;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords with the configured encoder (Argon2id through a {@code DelegatingPasswordEncoder},
 * see {@code AccountsConfiguration}). Checking against no hash at all (an unknown phone, an account without a
 * password) hashes a dummy instead, so that an unknown phone costs the same time as a wrong password.
 */
final class Passwords {

    private final PasswordEncoder encoder;
    private final String dummyHash;

    Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.dummyHash = encoder.encode(HexFormat.of().formatHex(random));
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    /** @param hash null for no account or no password: false, after the same work as a real check */
    boolean matches(String password, String hash) {
        if (password == null || password.length() > PasswordPolicy.MAX_LENGTH) {
            encoder.matches("", dummyHash);
            return false;
        }
        if (hash == null) {
            encoder.matches(password, dummyHash);
            return false;
        }
        return encoder.matches(password, hash);
    }
}
