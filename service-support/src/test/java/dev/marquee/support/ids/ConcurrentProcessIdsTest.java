package dev.marquee.support.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs generate ids at the same moment (the failure of the snowflake ids of Marquee's origin): no id is
 * made twice, and each process's ids are strictly increasing.
 */
class ConcurrentProcessIdsTest {

    private static final int PROCESSES = 4;
    private static final int IDS_EACH = 200_000;

    @Test
    void processesGeneratingAtOnceNeverShareAnId(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        long startAt = System.currentTimeMillis() + 3_000;
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            processes.add(new ProcessBuilder(java, "-cp", classpath, IdWriter.class.getName(),
                    dir.resolve("ids-" + p).toString(), Integer.toString(IDS_EACH), Long.toString(startAt))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log-" + p).toFile()).start());
        }
        for (Process process : processes) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("generator exit code").isZero();
        }
        Set<UUID> all = new HashSet<>(PROCESSES * IDS_EACH * 2);
        long lastFirst = Long.MIN_VALUE;
        long firstLast = Long.MAX_VALUE;
        for (int p = 0; p < PROCESSES; p++) {
            List<UUID> ids = read(dir.resolve("ids-" + p).toFile());
            assertThat(ids).hasSize(IDS_EACH);
            for (int i = 1; i < ids.size(); i++) {
                assertThat(ids.get(i).compareTo(ids.get(i - 1))).as("process %d id %d after its predecessor", p, i)
                        .isPositive();
            }
            all.addAll(ids);
            long first = TimeOrderedIds.timestampOf(ids.getFirst()).toEpochMilli();
            assertThat(first).as("process %d waited for the common start", p).isGreaterThanOrEqualTo(startAt);
            lastFirst = Math.max(lastFirst, first);
            firstLast = Math.min(firstLast, TimeOrderedIds.timestampOf(ids.getLast()).toEpochMilli());
        }
        assertThat(all).as("distinct ids of all processes").hasSize(PROCESSES * IDS_EACH);
        // they really ran at the same time: the last to begin began before the first to finish finished
        assertThat(lastFirst).isLessThanOrEqualTo(firstLast);
    }

    private static List<UUID> read(File file) throws IOException {
        List<UUID> ids = new ArrayList<>(IDS_EACH);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file.toPath())))) {
            for (int i = 0; i < file.length() / 16; i++) {
                ids.add(new UUID(in.readLong(), in.readLong()));
            }
        }
        return ids;
    }
}
