package dev.marquee.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The services of the chaos bench, each instance its own OS process configured through environment variables as
 * docker-compose.yml does (property {@code a.b-c} → {@code A_B_C}): two order-api instances, two outbox-relays (both
 * stand for the relay's election: one relays, one stands by), two seat-allocators, a payment-listener and an
 * expiry-worker.
 */
final class ServiceFleet implements AutoCloseable {

    private final Map<String, ServiceProcess> instances = new LinkedHashMap<>();

    private ServiceFleet() {
    }

    /**
     * @param javaCommand java, its options and {@code -jar marquee.jar}
     * @param properties  every service's configuration (infrastructure, gateways, bench settings)
     */
    static ServiceFleet start(List<String> javaCommand, Map<String, String> properties, Path logDir, Duration timeout)
            throws InterruptedException {
        ServiceFleet fleet = new ServiceFleet();
        try {
            Files.createDirectories(logDir);
            for (String instance : List.of("order-api-1", "order-api-2", "outbox-relay-1", "outbox-relay-2",
                    "seat-allocator-1", "seat-allocator-2", "payment-listener-1", "expiry-worker-1")) {
                String service = instance.substring(0, instance.lastIndexOf('-'));
                int port = freePort();
                Map<String, String> env = new LinkedHashMap<>();
                properties.forEach((key, value) -> env.put(environmentName(key), value));
                env.put("SERVER_PORT", Integer.toString(port));
                env.put("SPRING_KAFKA_CLIENT_ID", instance);
                fleet.instances.put(instance, new ServiceProcess(instance, service, port, javaCommand, env,
                        logDir.resolve(instance + ".log")));
            }
            // the first order-api migrates order-api's tables (the outbox among them) and seeds the catalog; the
            // others, the relays among them, start beside each other
            ServiceProcess first = fleet.instance("order-api-1");
            first.start();
            first.awaitReady(timeout);
            fleet.instances.values().stream().filter(p -> p != first).forEach(ServiceProcess::start);
            for (ServiceProcess process : fleet.instances.values()) {
                process.awaitReady(timeout);
            }
            return fleet;
        } catch (IOException e) {
            fleet.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | InterruptedException e) {
            fleet.close();
            throw e;
        }
    }

    /** As Spring Boot's relaxed binding reads a property from the environment: {@code marquee.hold.duration} → {@code MARQUEE_HOLD_DURATION}. */
    static String environmentName(String property) {
        // a list's index as Boot reads it from the environment: keys[0].id → KEYS_0_ID
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_').replace("[", "_").replace("]", "");
    }

    ServiceProcess instance(String name) {
        ServiceProcess process = instances.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no instance " + name);
        }
        return process;
    }

    List<ServiceProcess> all() {
        return new ArrayList<>(instances.values());
    }

    List<String> orderApiUrls() {
        return instances.values().stream().filter(p -> p.service().equals("order-api")).map(ServiceProcess::baseUrl)
                .toList();
    }

    @Override
    public void close() {
        for (ServiceProcess process : instances.values()) {
            try {
                process.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                System.err.println("bench: " + process.instance() + " did not stop: " + e.getMessage());
            }
        }
    }

    /** A port free on the loopback now (the service that is given it binds it moments later). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
