package dev.marquee.gateway;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GatewayKeysTest {

    private static final KeyPair KEYS = GatewayKeys.generateRsa();

    @Test
    void generates2048BitRsaKeys() {
        assertThat(((RSAPublicKey) KEYS.getPublic()).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void readsBackWhatItEncodes() {
        assertThat(GatewayKeys.publicKey(GatewayKeys.encode(KEYS.getPublic()))).isEqualTo(KEYS.getPublic());
        assertThat(GatewayKeys.privateKey(GatewayKeys.encode(KEYS.getPrivate()))).isEqualTo(KEYS.getPrivate());
    }

    @Test
    void toleratesPemArmourAndLineBreaks() {
        String base64 = GatewayKeys.encode(KEYS.getPublic());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + base64.substring(0, 64) + "\n" + base64.substring(64)
                + "\n-----END PUBLIC KEY-----\n";

        assertThat(GatewayKeys.publicKey(pem)).isEqualTo(KEYS.getPublic());
    }

    @Test
    void rejectsTextThatIsNoKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> GatewayKeys.publicKey("bm90IGEga2V5"));
        assertThatIllegalArgumentException().isThrownBy(() -> GatewayKeys.privateKey("not base64 !"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GatewayKeys.privateKey(GatewayKeys.encode(KEYS.getPublic())));
    }
}
