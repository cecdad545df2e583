package dev.marquee.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory has one owner at a time, and the stack wipes only what it wrote itself. */
class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void aNewDirectoryIsCreatedMarkedAndLocked() throws Exception {
        Path dir = temp.resolve("new/data");

        try (DataDirectory owned = DataDirectory.claim(dir)) {
            assertThat(dir.resolve(DataDirectory.MARKER)).isRegularFile();
            assertThat(Files.readString(dir.resolve(DataDirectory.LOCK)))
                    .contains("process " + ProcessHandle.current().pid());
        }
    }

    @Test
    void itsOwnDirectoryIsWipedAtTheNextClaim() throws Exception {
        Path dir = temp.resolve("data");
        DataDirectory.claim(dir).close();
        Files.createDirectories(dir.resolve("kafka/logs"));
        Files.writeString(dir.resolve("kafka/logs/segment"), "old records");
        Files.writeString(dir.resolve("left-by-a-run"), "the marker makes the whole directory ours");

        DataDirectory.claim(dir).close();

        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(DataDirectory.LOCK, DataDirectory.MARKER);
        }
    }

    @Test
    void anUnmarkedDirectoryOfTheStacksOwnLayoutIsOurs() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("before-markers"));
        Files.createDirectories(dir.resolve("mariadb"));
        Files.createDirectories(dir.resolve("redis"));

        DataDirectory.claim(dir).close();

        assertThat(dir.resolve("mariadb")).doesNotExist();
    }

    @Test
    void aDirectoryWithFilesTheStackDidNotWriteIsRefusedAndLeftAlone() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("home"));
        Files.writeString(dir.resolve("thesis.tex"), "three years of work");
        Files.createDirectories(dir.resolve("kafka"));

        assertThatThrownBy(() -> DataDirectory.claim(dir))
                .isInstanceOf(DataDirectoryRefusedException.class)
                .hasMessageContaining("thesis.tex").hasMessageContaining("--data-dir");
        assertThat(Files.readString(dir.resolve("thesis.tex"))).isEqualTo("three years of work");
        assertThat(dir.resolve(DataDirectory.LOCK)).doesNotExist();
    }

    @Test
    void aFileIsNoDataDirectory() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");

        assertThatThrownBy(() -> DataDirectory.claim(file)).isInstanceOf(DataDirectoryRefusedException.class);
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aSecondClaimInTheSameProcessIsRefused() {
        Path dir = temp.resolve("data");
        try (DataDirectory owned = DataDirectory.claim(dir)) {
            assertThatThrownBy(() -> DataDirectory.claim(dir))
                    .isInstanceOf(DataDirectoryRefusedException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        DataDirectory.claim(dir).close();
    }

    /** File locks belong to processes: only another process shows that two owners are kept apart. */
    @Test
    void anotherProcessIsRefusedTheDirectoryWhileItsOwnerLivesAndNamesTheOwner() throws Exception {
        Path dir = temp.resolve("data");
        Process owner = ChildJvm.start("lock", dir);
        try {
            Files.writeString(dir.resolve("kafka-segment"), "the owner's data");

            assertThatThrownBy(() -> DataDirectory.claim(dir))
                    .isInstanceOf(DataDirectoryRefusedException.class)
                    .hasMessageContaining("in use by process " + owner.pid());
            assertThat(dir.resolve("kafka-segment")).as("the owner's data is left alone").exists();
        } finally {
            owner.destroyForcibly().waitFor();
        }

        DataDirectory.claim(dir).close();
        assertThat(dir.resolve("kafka-segment")).as("the next owner wipes it").doesNotExist();
    }
}
