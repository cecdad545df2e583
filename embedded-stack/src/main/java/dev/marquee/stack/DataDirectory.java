package dev.marquee.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's data directory, owned by one process at a time: an exclusive lock on {@value #LOCK} inside it, held
 * until the stack closes or the process ends (the operating system lets go of a dead process's lock). Claiming it
 * refuses a directory another process owns, naming that process, and a directory that holds files the stack did
 * not write; then stops servers a killed owner left running, wipes everything but the lock, and marks the
 * directory as Marquee's.
 */
final class DataDirectory implements AutoCloseable {

    static final String LOCK = "marquee.lock";
    static final String MARKER = "marquee-data-directory";
    /** What the stack writes: a directory holding nothing else is its own, marked or not (written before the marker). */
    private static final Set<String> OURS = Set.of(LOCK, MARKER, "kafka", "mariadb", "mariadb-tmp", "redis");
    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectory(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes {@code dir} for this process, empty but for the lock and the marker. */
    static DataDirectory claim(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        requireOurs(absolute);
        try {
            Files.createDirectories(absolute);
            FileChannel channel = FileChannel.open(absolute.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = lockOrRefuse(absolute, channel);
            DataDirectory owned = new DataDirectory(absolute, channel, lock);
            try {
                owned.recordOwner();
                StackServers.stopLeftovers(absolute);
                owned.wipe();
                Files.writeString(absolute.resolve(MARKER), "A Marquee embedded stack's data directory: wiped at every"
                        + " start. Owned by the process named in " + LOCK + " while its lock is held.\n");
                return owned;
            } catch (IOException | RuntimeException e) {
                owned.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare data directory " + absolute, e);
        }
    }

    Path path() {
        return dir;
    }

    private static void requireOurs(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw DataDirectoryRefusedException.notOurs(dir, "nothing: it is a file");
        }
        if (Files.exists(dir.resolve(MARKER))) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            Optional<String> stranger = entries.map(p -> p.getFileName().toString()).filter(n -> !OURS.contains(n))
                    .sorted().findFirst();
            if (stranger.isPresent()) {
                throw DataDirectoryRefusedException.notOurs(dir, "'" + stranger.get() + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data directory " + dir, e);
        }
    }

    private static FileLock lockOrRefuse(Path dir, FileChannel channel) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw DataDirectoryRefusedException.inUse(dir, "this process (pid " + ProcessHandle.current().pid()
                    + "): another stack of it runs there");
        }
        if (lock == null) {
            String holder = Files.readString(dir.resolve(LOCK), StandardCharsets.UTF_8).strip();
            channel.close();
            throw DataDirectoryRefusedException.inUse(dir, holder.isEmpty() ? "another process" : holder);
        }
        return lock;
    }

    /** Writes who owns the directory into the lock file, for whoever is refused it. */
    private void recordOwner() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String command = self.info().commandLine().map(c -> c.length() > 200 ? c.substring(0, 200) + " ..." : c)
                .orElse("?");
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("process " + self.pid() + " (" + command + ")\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    private void wipe() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(p -> !p.getFileName().toString().equals(LOCK)).toList()) {
                try (Stream<Path> tree = Files.walk(entry)) {
                    tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
                if (Files.exists(entry)) {
                    throw new IOException("could not delete " + entry);
                }
            }
        }
    }

    /** Lets go of the directory (its files stay, for a look after the run). */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            log.warn("Could not release the lock on {}: {}", dir, e.toString());
        }
    }
}
