package dev.marquee.orderapi.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code marquee.console.*}: where the operator console finds the other services (as {@code marquee status} does)
 * and how long it waits for one. {@code services[i].health} is the path that answers readiness, relative to its
 * {@code url} (the actuator's readiness for ours, {@code /trades} for the gateway simulator). The defaults are the
 * ports {@code ./marquee run} binds; compose sets the services' host names.
 */
@ConfigurationProperties("marquee.console")
public record ConsoleProperties(List<Target> services, Duration timeout) {

    public ConsoleProperties {
        services = services == null || services.isEmpty() ? defaults() : List.copyOf(services);
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }

    public record Target(String name, URI url, String health) {

        public Target {
            health = health == null || health.isBlank() ? "/actuator/health/readiness" : health;
        }

        URI healthUri() {
            return url.resolve(health);
        }
    }

    /** The service of that name, if the console knows where it is. */
    public java.util.Optional<Target> service(String name) {
        return services.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static List<Target> defaults() {
        return List.of(target("order-api", 8080, null), target("outbox-relay", 8085, null),
                target("seat-allocator", 8081, null), target("payment-listener", 8082, null),
                target("expiry-worker", 8083, null), target("box-office", 8084, null),
                target("gateway-simulator", 8090, "/trades"));
    }

    private static Target target(String name, int port, String health) {
        return new Target(name, URI.create("http://127.0.0.1:" + port), health);
    }
}
