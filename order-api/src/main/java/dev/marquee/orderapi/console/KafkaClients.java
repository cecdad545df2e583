package dev.marquee.orderapi.console;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** The broker connection the console's own clients use: the service's, without its serializers or group. */
@Component
class KafkaClients {

    private final Map<String, Object> connection = new HashMap<>();

    KafkaClients(KafkaAdmin admin) {
        admin.getConfigurationProperties().forEach((key, value) -> {
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) || key.startsWith("security.")
                    || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                connection.put(key, value);
            }
        });
    }

    Map<String, Object> with(Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(connection);
        config.putAll(more);
        return config;
    }
}
