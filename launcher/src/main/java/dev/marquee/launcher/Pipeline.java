package dev.marquee.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The running services of one pipeline, each its own Spring application context in this JVM, all configured
 * with the same infrastructure properties. Used by {@code ./marquee run} and by the end-to-end tests.
 */
public final class Pipeline implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts;

    private Pipeline(List<ConfigurableApplicationContext> contexts) {
        this.contexts = contexts;
    }

    /**
     * @param infrastructure addresses of Kafka, the database, Redis and the registry
     * @param ports          HTTP port per service id ("order-api" → 8080); 0 picks a free port
     */
    public static Pipeline start(Map<String, String> infrastructure, Map<String, Integer> ports,
                                 Map<String, String> overrides) {
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            for (Service service : Service.values()) {
                if (!service.built()) {
                    continue;
                }
                Map<String, Object> properties = new LinkedHashMap<>(infrastructure);
                properties.put("spring.main.banner-mode", "off");
                properties.putAll(overrides);
                properties.put("server.port", ports.getOrDefault(service.id(), 0));
                // no Spring shutdown hook of its own: whoever owns the pipeline closes it before the stack it runs on
                started.add(service.application().registerShutdownHook(false).run(arguments(properties)));
            }
            return new Pipeline(started);
        } catch (RuntimeException e) {
            new Pipeline(started).close();
            throw e;
        }
    }

    /** As command-line arguments, which take precedence over each service's own configuration file. */
    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** The HTTP port a service listens on. */
    public int port(String serviceId) {
        return ((WebServerApplicationContext) context(serviceId)).getWebServer().getPort();
    }

    /** A running service's application context (operators' tools and tests reach its beans through it). */
    public ConfigurableApplicationContext context(String serviceId) {
        return contexts.stream()
                .filter(c -> serviceId.equals(c.getEnvironment().getProperty("spring.application.name")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no running service " + serviceId));
    }

    /** Stops the services in reverse start order; each finishes its in-flight work (graceful shutdown). */
    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        contexts.clear();
    }
}
