package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReplayProgressBarTest {

    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final ReplayProgressBar progress = new ReplayProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void oneLineRedrawnAsRecordsAreReadAndEndedWhenAllAre() {
        progress.at(0, 200_000);
        for (long read = 0; read <= 200_000; read += 500) {
            progress.at(read, 200_000);
        }
        progress.at(200_000, 200_000);

        String written = err.toString(StandardCharsets.UTF_8);
        assertThat(written).endsWith("replay            [" + "#".repeat(30) + "] 200000/200000\n");
        assertThat(written.split("\n")).hasSize(1);
        assertThat(written.split("\r", -1)).as("a redraw per tenth of a percent, not per call").hasSize(1 + 401);
        assertThat(written).contains("\rreplay            [###############---------------] 100000/200000");
    }

    @Test
    void anEmptyWindowIsOneFullBar() {
        progress.at(0, 0);
        progress.at(0, 0);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("\rreplay            [" + "#".repeat(30) + "]      0/0\n");
    }

    @Test
    void shownWithTheOptionOrOnATerminalOnly() {
        assertThat(ReplayProgressBar.wanted(true, Map.of())).isTrue();
        assertThat(ReplayProgressBar.wanted(false, Map.of(ReplayProgressBar.TERMINAL, "1"))).isTrue();
        assertThat(ReplayProgressBar.wanted(false, Map.of())).isFalse();
        assertThat(ReplayProgressBar.wanted(false, Map.of(ReplayProgressBar.TERMINAL, "0"))).isFalse();
    }
}
