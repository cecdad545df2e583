package dev.marquee.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MariaDbArgsTest {

    @Test
    void takesServerOptionsSeparatedBySpaces() {
        assertThat(EmbeddedMariaDb.extraArgs("  --slow-query-log   --long-query-time=0 "))
                .containsExactly("--slow-query-log", "--long-query-time=0");
        assertThat(EmbeddedMariaDb.extraArgs(null)).isEmpty();
        assertThat(EmbeddedMariaDb.extraArgs(" ")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAnOption() {
        assertThatThrownBy(() -> EmbeddedMariaDb.extraArgs("--slow-query-log /etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/etc/passwd");
    }
}
