package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.marquee.stack.DevSecrets;
import dev.marquee.stack.EmbeddedStack;
import dev.marquee.stack.StackCredentials;
import dev.marquee.stack.StackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml configures each service with the same properties the embedded stack sets, as environment
 * variables that Spring Boot's relaxed binding really resolves: only the addresses differ.
 */
class ComposeConfigurationTest {

    static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @ParameterizedTest
    @ValueSource(strings = {"order-api", "seat-allocator"})
    void composeSetsEveryPropertyTheEmbeddedStackSets(String service) throws IOException {
        Map<String, Object> environment = environmentOf(service);
        StandardEnvironment spring = new StandardEnvironment();
        // named as the real one, so that Boot maps variables as it does in a container (KEYS_0_ID → keys[0].id)
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        ConfigurationPropertySources.attach(spring);

        Map<String, String> embedded = EmbeddedStack.serviceProperties(StackPorts.defaults(), StackCredentials.defaults());
        embedded.putAll(DevSecrets.generate().properties());
        embedded.keySet().stream()
                .filter(name -> "order-api".equals(service) || !name.startsWith("marquee.cdc.")
                        && !name.endsWith(".private-key") && !name.startsWith("marquee.partners."))
                .forEach(name -> assertThat(spring.getProperty(name)).as("%s in %s", name, service).isNotBlank());
    }

    /**
     * The gateways' settings that the embedded run gives the simulator's values (keys, secrets, app and seller ids,
     * pay and refund URLs) are each set in compose too, from the environment: blank there means "not configured".
     */
    @Test
    void composeConfiguresEveryGatewaySettingTheEmbeddedRunSets() throws IOException {
        Map<String, String> embedded;
        try (SimulatedGateways gateways = SimulatedGateways.start(0, 1.0)) {
            embedded = gateways.properties();
        }
        StandardEnvironment orderApi = springEnvironmentOf("order-api");
        StandardEnvironment paymentListener = springEnvironmentOf("payment-listener");

        assertThat(embedded).containsKey("marquee.payments.gateways.alipay.app-id");
        embedded.keySet().forEach(name -> assertThat(name.endsWith(".refund-url")
                ? paymentListener.containsProperty(name) : orderApi.containsProperty(name))
                .as("%s in compose", name).isTrue());
    }

    private static StandardEnvironment springEnvironmentOf(String service) throws IOException {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentOf(service)));
        ConfigurationPropertySources.attach(spring);
        return spring;
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-api", "seat-allocator"})
    void everyServiceRunsTheLauncherImageAsItsNamedService(String service) throws IOException {
        Map<String, Object> definition = services().get(service) instanceof Map<?, ?> m ? cast(m) : Map.of();

        assertThat(definition.get("command")).isEqualTo(List.of("service", service));
        assertThat(definition).containsKeys("healthcheck", "depends_on");
    }

    /**
     * The service's environment as compose passes it, with compose's {@code ${VAR:-default}} at defaults and its
     * required {@code ${VAR:?message}} as the operator's value.
     */
    private static Map<String, Object> environmentOf(String service) throws IOException {
        Map<String, Object> definition = cast((Map<?, ?>) services().get(service));
        Map<String, Object> environment = new java.util.LinkedHashMap<>();
        cast((Map<?, ?>) definition.get("environment")).forEach((name, value) -> environment.put(name,
                String.valueOf(value).replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1")
                        .replaceAll("\\$\\{([A-Z_]+):\\?[^}]*}", "value-of-$1")));
        return environment;
    }

    private static Map<String, Object> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> compose = new Yaml().load(reader);
            return cast((Map<?, ?>) compose.get("services"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

}
