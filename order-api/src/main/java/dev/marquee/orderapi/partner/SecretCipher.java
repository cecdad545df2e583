package dev.marquee.orderapi.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Partner secrets at rest: AES-256-GCM under the key from {@code marquee.partners.secret-key}, a fresh 12-byte IV
 * per sealing, the app's key as associated data (a sealed secret copied onto another app's row does not open). The
 * secrets cannot be hashed like passwords: verifying an HMAC needs the secret itself.
 */
public final class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the partner secret key must be 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** From {@code marquee.partners.secret-key}: base64 of 32 bytes ({@code openssl rand -base64 32}). */
    public static SecretCipher fromBase64(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("marquee.partners.secret-key is not base64 (make one with"
                    + " 'openssl rand -base64 32')", e);
        }
        return new SecretCipher(key);
    }

    public byte[] seal(String appKey, byte[] secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, appKey);
            byte[] sealed = Arrays.copyOf(iv, IV_BYTES + secret.length + TAG_BITS / 8);
            cipher.doFinal(secret, 0, secret.length, sealed, IV_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /** @throws IllegalStateException when the sealed bytes were not made with this key for this app */
    public byte[] open(String appKey, byte[] sealed) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES), appKey);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("app " + appKey + "'s secret does not open with the configured"
                    + " marquee.partners.secret-key (another key, or the row was altered)", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String appKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(appKey.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
