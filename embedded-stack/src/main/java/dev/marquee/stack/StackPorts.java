package dev.marquee.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loopback ports of the embedded stack. The defaults sit next to, never on, the standard ports
 * (MySQL 3306, Redis 6379, Kafka 9092, schema registry 8081) so that a developer's own servers keep running.
 */
public record StackPorts(int mariaDb, int redis, int kafka, int kafkaController, int schemaRegistry) {

    public static StackPorts defaults() {
        return new StackPorts(3327, 6391, 29092, 29093, 28081);
    }

    /** Free ports chosen by the operating system: for tests, which must not collide with a running demo. */
    public static StackPorts ephemeral() {
        return new StackPorts(freePort(), freePort(), freePort(), freePort(), freePort());
    }

    /** Fails with a message naming the port and its user when any port is already taken. */
    void requireFree() {
        Map<String, Integer> byName = new LinkedHashMap<>();
        byName.put("MariaDB", mariaDb);
        byName.put("Redis", redis);
        byName.put("Kafka", kafka);
        byName.put("Kafka controller", kafkaController);
        byName.put("schema registry", schemaRegistry);
        byName.forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new PortInUseException(name, port);
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }
}
