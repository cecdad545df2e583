package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --data-dir} is wiped at start: never a directory holding what Marquee did not write. */
class DataDirectoryOptionTest {

    @TempDir
    Path temp;

    @Test
    void benchesRefuseADirectoryWithSomeoneElsesFilesAndExit1() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve("notes.md"), "mine");

        // run and every bench start their stack the same way (EmbeddedStack.start claims the directory first);
        // these two end by themselves should the check ever let them through
        for (String[] command : new String[][] {
                {"bench", "replay", "--data-dir", home.toString(), "--events", "10"},
                {"bench", "expiry", "--data-dir", home.toString(), "--orders", "1"}}) {
            StringWriter err = new StringWriter();
            CommandLine cli = Marquee.commandLine();
            cli.setErr(new PrintWriter(err));

            int exit = cli.execute(command);

            assertThat(exit).as(String.join(" ", command)).isEqualTo(1);
            assertThat(err.toString()).startsWith("marquee: The data directory " + home.toAbsolutePath())
                    .contains("'notes.md'").doesNotContain("Exception");
        }
        assertThat(Files.readString(home.resolve("notes.md"))).isEqualTo("mine");
        try (var entries = Files.list(home)) {
            assertThat(entries).hasSize(1);
        }
    }
}
