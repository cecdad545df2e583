package dev.marquee.launcher;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the operator console (order-api's {@code marquee.console.services}) finds each service of a pipeline run in
 * this JVM, and the gateway simulator, as properties: their ports are only known to whoever starts them.
 */
final class ConsoleTargets {

    private ConsoleTargets() {
    }

    static Map<String, String> properties(Map<String, Integer> ports, URI simulator) {
        Map<String, String> properties = new LinkedHashMap<>();
        int i = 0;
        for (Service service : Service.values()) {
            String prefix = "marquee.console.services[" + i++ + "].";
            properties.put(prefix + "name", service.id());
            properties.put(prefix + "url", "http://127.0.0.1:" + ports.get(service.id()));
        }
        String prefix = "marquee.console.services[" + i + "].";
        properties.put(prefix + "name", "gateway-simulator");
        properties.put(prefix + "url", simulator.toString());
        properties.put(prefix + "health", "/trades");
        return properties;
    }
}
