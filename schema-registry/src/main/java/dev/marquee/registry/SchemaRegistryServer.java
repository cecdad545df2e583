package dev.marquee.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server speaking the Confluent Schema Registry REST subset (register, look up, fetch by id,
 * versions, compatibility checks and levels) over a {@link SchemaStore}. Closing it does not close the store.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private SchemaRegistryServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Loads the store's entries and serves them on {@code host:port}; port 0 picks a free port. */
    public static SchemaRegistryServer start(String host, int port, SchemaStore store) {
        SchemaRegistry registry = new SchemaRegistry(store);
        HttpServer server = bind(host, port);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.createContext("/", RegistryApi.router(registry));
        server.setExecutor(executor);
        server.start();
        SchemaRegistryServer started = new SchemaRegistryServer(server, executor);
        log.info("Schema registry listening on {} with {} subjects", started.url(), registry.subjects().size());
        return started;
    }

    private static HttpServer bind(String host, int port) {
        try {
            return HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (BindException e) {
            throw new IllegalStateException(
                    "Cannot start the schema registry: port %d on %s is already in use".formatted(port, host), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the schema registry on %s:%d".formatted(host, port), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}; a wildcard bind address shows as loopback. */
    public String url() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        return "http://%s:%d".formatted(host.contains(":") ? "[" + host + "]" : host, port());
    }

    @Override
    public void close() {
        int port = port();
        server.stop(0);
        executor.close();
        log.info("Schema registry on port {} stopped", port);
    }
}
