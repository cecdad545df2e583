package dev.marquee.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.marquee.stack.DevSecrets;
import dev.marquee.stack.EmbeddedStack;
import dev.marquee.stack.StackCredentials;
import dev.marquee.stack.StackPorts;
import dev.marquee.support.security.TokenProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
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
        // the stack's secrets: indexed keys (keys[0].public-key), which the processes verify tokens with
        DevSecrets secrets = DevSecrets.generate();
        properties.putAll(secrets.properties());
        Map<String, Object> environment = new LinkedHashMap<>();
        properties.forEach((name, value) -> environment.put(ServiceFleet.environmentName(name), value));
        StandardEnvironment spring = new StandardEnvironment();
        // named as the real one, so that Boot maps the variables as it does in the process (KEYS_0_ID → keys[0].id)
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environment));
        ConfigurationPropertySources.attach(spring);

        properties.forEach((name, value) -> assertThat(spring.getProperty(name)).as(name).isEqualTo(value));
        assertThat(ServiceFleet.environmentName("marquee.schema-registry.url")).isEqualTo("MARQUEE_SCHEMA_REGISTRY_URL");
        // and they bind as the services bind them: the token keys as a list of keys
        TokenProperties tokens = Binder.get(spring).bind("marquee.security.jwt", TokenProperties.class).get();
        assertThat(tokens.keys()).containsExactly(new TokenProperties.Key(secrets.keyId(), secrets.publicKey(),
                secrets.privateKey()));
        assertThat(tokens.signingKeyId()).isEqualTo(secrets.keyId());
    }
}
