package dev.marquee.orderapi.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    final SecretCipher cipher = SecretCipher.fromBase64(KEY);
    final byte[] secret = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void sealsAndOpensForTheSameApp() {
        byte[] sealed = cipher.seal("app_1", secret);

        assertThat(sealed).hasSize(12 + 32 + 16);
        assertThat(new String(sealed)).doesNotContain("0123456789abcdef");
        assertThat(cipher.open("app_1", sealed)).isEqualTo(secret);
    }

    @Test
    void eachSealingHasItsOwnIv() {
        assertThat(cipher.seal("app_1", secret)).isNotEqualTo(cipher.seal("app_1", secret));
    }

    @Test
    void aSecretCopiedToAnotherAppOrAlteredOrUnderAnotherKeyDoesNotOpen() {
        byte[] sealed = cipher.seal("app_1", secret);
        byte[] altered = sealed.clone();
        altered[20] ^= 1;
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertThatThrownBy(() -> cipher.open("app_2", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("app_1", altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher(otherKey).open("app_1", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongSizeOrNotBase64IsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> SecretCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretCipher.fromBase64("not base64!")).hasMessageContaining("openssl rand");
    }
}
