package dev.marquee.stack;

import java.io.IOException;
import java.io.UncheckedIOException;

import redis.embedded.RedisServer;

/** Redis (embedded-redis' bundled 6.2 binary) on loopback, without persistence: locks and caches only. */
final class EmbeddedRedis implements AutoCloseable {

    private final RedisServer server;

    private EmbeddedRedis(RedisServer server) {
        this.server = server;
    }

    static EmbeddedRedis start(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("maxmemory 256mb")
                    .onShutdownForceStop(false)
                    .build();
            server.start();
            return new EmbeddedRedis(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        }
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
