package dev.marquee.expiry;

import java.util.HashMap;
import java.util.Map;

import dev.marquee.stack.EmbeddedStack;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts expiry-worker instances as deployed, on the embedded stack, with test-sized settings. */
final class Workers {

    private Workers() {
    }

    static ConfigurableApplicationContext start(EmbeddedStack stack, Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(settings);
        return ExpiryWorkerApplication.application().registerShutdownHook(false)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    /** Holds this instance released (closed as EXPIRED) since it started. */
    static double expiredBy(ConfigurableApplicationContext worker) {
        return worker.getBean(MeterRegistry.class).counter("marquee.expiry.holds", "outcome", "expired").count();
    }
}
