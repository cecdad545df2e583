package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./marquee aot} as a user runs it: the script records a JDK AOT cache from a training command, later runs
 * open it, and a cache older than the extracted application (a rebuild) or {@code MARQUEE_AOT=off} is left aside.
 * The training command here is {@code --version}, the shortest run there is; what the default training buys is
 * measured by the benches (README, "AOT cache").
 */
class AotCacheIT {

    private static final Path SCRIPT = Path.of("..", "marquee").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    void recordsACacheThatLaterRunsOpenAndLeavesAStaleOneAside() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25 (this build runs on "
                + Runtime.version() + ")");
        Path cache = temp.resolve("aot").resolve("marquee.aot");

        Result training = marquee(Map.of("MARQUEE_AOT_CACHE", cache.toString()), "aot", "--", "--version");
        assertThat(training.exit()).as(training.output()).isZero();
        assertThat(training.output()).contains("marquee 0.1.0", "AOT cache " + cache);
        assertThat(cache).isRegularFile();
        assertThat(Files.size(cache)).as("cache size").isGreaterThan(1_000_000);

        Map<String, String> logged = Map.of("MARQUEE_AOT_CACHE", cache.toString(), "MARQUEE_JAVA_OPTS",
                "-Xms256m -Xmx256m -XX:+UseParallelGC -Xlog:aot=info");
        Result used = marquee(logged, "--version");
        assertThat(used.exit()).as(used.output()).isZero();
        assertThat(used.output()).contains("Opened AOT cache " + cache, "marquee 0.1.0");

        Result off = marquee(Map.of("MARQUEE_AOT_CACHE", cache.toString(), "MARQUEE_AOT", "off", "MARQUEE_JAVA_OPTS",
                "-Xms256m -Xmx256m -XX:+UseParallelGC -Xlog:aot=info"), "--version");
        assertThat(off.exit()).as(off.output()).isZero();
        assertThat(off.output()).contains("marquee 0.1.0").doesNotContain("Opened AOT cache");

        // recorded before the application now extracted (as after a rebuild): set aside, not opened
        Path extracted = SCRIPT.getParent().resolve(".marquee/app/.extracted");
        Files.setLastModifiedTime(cache, FileTime.from(
                Files.getLastModifiedTime(extracted).toInstant().minusSeconds(60)));
        Result stale = marquee(logged, "--version");
        assertThat(stale.exit()).as(stale.output()).isZero();
        assertThat(stale.output()).contains("marquee 0.1.0").doesNotContain("Opened AOT cache");
        assertThat(Files.getLastModifiedTime(cache).toInstant()).isBefore(Instant.now().minusSeconds(30));
    }

    @Test
    void helpSaysWhatItRecordsAndWhere() throws Exception {
        Result help = marquee(Map.of(), "aot", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.output()).contains("Usage: marquee aot", ".marquee/aot/marquee.aot", "MARQUEE_AOT=off");
    }

    private record Result(int exit, String output) {
    }

    /** The script itself, never building (the jar under test is the one this build just packaged). */
    private static Result marquee(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(concat(SCRIPT.toString(), arguments)).redirectErrorStream(true);
        builder.environment().put("MARQUEE_BUILD", "never");
        builder.environment().remove("MARQUEE_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the script ended").isTrue();
        return new Result(process.exitValue(), output);
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }
}
