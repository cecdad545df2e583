package dev.marquee.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * Redis (embedded-redis' bundled 6.2 binary) on loopback. Append-only persistence in its data directory, as
 * production's compose runs it: the per-hall fencing-token counters behind the hall locks must never go backwards
 * across a restart of Redis, or every newer token would be refused by the fence (see {@link #restart()}).
 */
final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final RedisServer server;

    private EmbeddedRedis(RedisServer server) {
        this.server = server;
    }

    /**
     * Starts Redis with its binary written to {@code binaryDir} (not the system temp directory, which may be
     * mounted noexec). A start that fails (a fork elsewhere in the JVM can hold the freshly written binary open:
     * "Text file busy") is tried again, up to three times.
     */
    static EmbeddedRedis start(Path binaryDir, int port) {
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                Files.createDirectories(binaryDir);
                RedisServer server = RedisServer.newRedisServer()
                        .executableProvider(ExecutableProvider.newJarResourceProvider(binaryDir.toFile()))
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("dir \"" + binaryDir.toAbsolutePath() + "\"")
                        .setting("save \"\"")
                        .setting("appendonly yes")
                        .setting("appendfsync everysec")
                        .setting("maxmemory 256mb")
                        .onShutdownForceStop(false)
                        .build();
                server.start();
                return new EmbeddedRedis(server);
            } catch (IOException e) {
                last = e;
                log.warn("Redis did not start on port {} (attempt {} of 3): {}", port, attempt, e.toString());
                sleep(Duration.ofMillis(200L * attempt));
            }
        }
        throw new UncheckedIOException("Redis did not start on port " + port, last);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Redis", e);
        }
    }

    /**
     * Stops Redis (SIGTERM: it writes out its append-only file) and starts it again on the same port and data,
     * as an operator's restart does. Clients see their connections drop and reconnect.
     */
    void restart() {
        close();
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                server.start();
                return;
            } catch (IOException e) {
                last = e;
                log.warn("Redis did not restart (attempt {} of 3): {}", attempt, e.toString());
                sleep(Duration.ofMillis(200L * attempt));
            }
        }
        throw new UncheckedIOException("Redis did not restart", last);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not stop cleanly", e);
        }
    }
}
