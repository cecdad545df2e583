package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void aBarFillsWithWhatIsDoneAndEachSheetKeepsItsLine() {
        assertThat(ProgressBar.line("screenings", 0, 10_000)).isEqualTo(
                "screenings        [------------------------------]      0/10000");
        assertThat(ProgressBar.line("screenings", 4_000, 10_000)).isEqualTo(
                "screenings        [############------------------]   4000/10000");
        assertThat(ProgressBar.line("halls", 3, 3)).contains("[" + "#".repeat(30) + "]");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8));
        bar.show("halls", 1, 2);
        bar.show("halls", 2, 2);
        bar.show("screenings", 5, 5);
        bar.end();

        assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("\r"));
    }
}
