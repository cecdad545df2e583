package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DemoPasswordTest {

    @Test
    void eachRunGetsItsOwnPasswordInFourGroupsOfFour() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String password = DemoPassword.generate();
            assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
            seen.add(password);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void theBannerSaysWhoToSignInAsAndWhere() {
        String banner = DemoPassword.banner("k7qm-x2dp-9hta-wr4e", 8080, URI.create("http://localhost:8090/"));
        assertThat(banner).contains("k7qm-x2dp-9hta-wr4e", "+8613900000001", "+8613900000002", "+8613900000003",
                "+8613900000004", "./marquee login --url http://127.0.0.1:8080 --phone +8613900000001",
                "http://localhost:8090/sms/messages?phone=%2B8613900000003");
    }
}
