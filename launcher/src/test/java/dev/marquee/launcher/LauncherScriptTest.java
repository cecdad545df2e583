package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The first {@code ./marquee} build downloads Maven's plugins and every dependency (minutes): the script's
 * {@code build_progress} filter, fed a log as Maven 3.9 writes it in batch mode, says what the build is at.
 */
class LauncherScriptTest {

    static final Path SCRIPT = Path.of("..", "marquee");
    static final Pattern BUILD_PROGRESS = Pattern.compile("(?s)\nbuild_progress\\(\\) \\{\n  awk '(.*?)'\n}\n");

    @Test
    void theFirstBuildSaysWhichModuleItBuildsAndHowManyFilesItDownloaded() throws Exception {
        StringBuilder log = new StringBuilder("[INFO] Scanning for projects...\n");
        for (int i = 1; i <= 250; i++) {
            log.append("[INFO] Downloading from central: https://repo.maven.apache.org/maven2/a/").append(i).append(".jar\n")
                    .append("[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/a/").append(i)
                    .append(".jar (12 kB at 40 kB/s)\n");
        }
        log.append("[INFO] ------------------< dev.marquee:order-api >------------------\n")
                .append("[INFO] Building Marquee order-api 0.1.0-SNAPSHOT                           [9/15]\n")
                .append("[INFO] --- compiler:3.14.1:compile (default-compile) @ order-api ---\n");

        String progress = awk(program(), log.toString());

        assertThat(progress.lines()).containsExactly(
                "marquee:   1 files downloaded ...",
                "marquee:   101 files downloaded ...",
                "marquee:   201 files downloaded ...",
                "marquee:   Marquee order-api 0.1.0-SNAPSHOT [9/15]");
    }

    private static String program() throws IOException {
        Matcher function = BUILD_PROGRESS.matcher(Files.readString(SCRIPT));
        assertThat(function.find()).as("build_progress() in %s", SCRIPT).isTrue();
        return function.group(1);
    }

    private static String awk(String program, String input) throws Exception {
        Process awk = new ProcessBuilder("awk", program).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = awk.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(awk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(awk.waitFor()).isZero();
        return out;
    }
}
