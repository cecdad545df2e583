package dev.marquee.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.marquee.stack.EmbeddedStack;
import dev.marquee.stack.StackCredentials;
import dev.marquee.stack.StackPorts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The service processes get their whole configuration from environment variables that Spring Boot really resolves. */
class ServiceFleetTest {

    @Test
    void everyPropertyPassedAsAnEnvironmentVariableResolvesToItsValue() {
        Map<String, String> properties = new LinkedHashMap<>(
                EmbeddedStack.serviceProperties(StackPorts.defaults(), StackCredentials.defaults()));
        properties.put("marquee.hall-lock.lease", "10000ms");
        properties.put("marquee.payments.gateways.alipay.public-key", "MIIBIjAN+/=");
        properties.put("marquee.expiry.sweep-interval", "1s");
        Map<String, Object> environment = new LinkedHashMap<>();
        properties.forEach((name, value) -> environment.put(ServiceFleet.environmentName(name), value));
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource("processes", environment));
        ConfigurationPropertySources.attach(spring);

        properties.forEach((name, value) -> assertThat(spring.getProperty(name)).as(name).isEqualTo(value));
        assertThat(ServiceFleet.environmentName("marquee.schema-registry.url")).isEqualTo("MARQUEE_SCHEMA_REGISTRY_URL");
    }
}
