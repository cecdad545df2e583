package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.marquee.gateway.GatewayKeys;

import dev.marquee.stack.DevSecrets;
import dev.marquee.stack.EmbeddedStack;
import dev.marquee.stack.StackCredentials;
import dev.marquee.stack.StackPorts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
    @EnumSource(Service.class)
    void composeSetsEveryPropertyTheEmbeddedStackSets(Service each) throws IOException {
        String service = each.id();
        Map<String, Object> environment = environmentOf(service);
        StandardEnvironment spring = new StandardEnvironment();
        // named as the real one, so that Boot maps variables as it does in a container (KEYS_0_ID → keys[0].id)
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        ConfigurationPropertySources.attach(spring);

        Map<String, String> embedded = EmbeddedStack.serviceProperties(StackPorts.defaults(), StackCredentials.defaults());
        embedded.putAll(DevSecrets.generate().properties());
        embedded.keySet().stream().filter(name -> reads(service, name))
                .forEach(name -> assertThat(spring.getProperty(name)).as("%s in %s", name, service).isNotBlank());
    }

    /**
     * Whether the service reads that property of the embedded stack's: the binlog account only outbox-relay, which
     * never gets the database account; the signing key and the partner-secret key only order-api.
     */
    private static boolean reads(String service, String property) {
        if (property.startsWith("marquee.cdc.")) {
            return "outbox-relay".equals(service);
        }
        if (property.startsWith("spring.datasource.")) {
            return !"outbox-relay".equals(service);
        }
        return "order-api".equals(service) || !property.endsWith(".private-key") && !property.startsWith("marquee.partners.");
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
        return springEnvironmentOf(environmentOf(service));
    }

    private static StandardEnvironment springEnvironmentOf(Map<String, Object> environment) {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        ConfigurationPropertySources.attach(spring);
        return spring;
    }

    /**
     * Each service is built as its own image from its own module's lean jar (the Dockerfile's SERVICE), and its
     * health check asks the port the image is built for.
     */
    @ParameterizedTest
    @EnumSource(Service.class)
    void everyServiceIsBuiltAsAnImageOfItsOwn(Service each) throws IOException {
        String service = each.id();
        Map<String, Object> definition = cast((Map<?, ?>) services().get(service));
        Map<String, Object> args = cast((Map<?, ?>) cast((Map<?, ?>) definition.get("build")).get("args"));

        assertThat(args.get("SERVICE")).isEqualTo(service);
        assertThat(Files.readString(Path.of("..", service, "pom.xml")))
                .contains("<service-jar.skip>false</service-jar.skip>");
        assertThat(String.valueOf(cast((Map<?, ?>) definition.get("healthcheck")).get("test")))
                .contains("localhost:" + args.get("PORT") + "/actuator/health/readiness");
        assertThat(definition).containsKey("depends_on").doesNotContainKey("command");
    }

    /**
     * With the lines {@code ./marquee keys --demo-gateways} prints in .env, order-api and payment-listener get every
     * gateway setting the embedded run gives them, none blank, and the simulator signs with the private half of the
     * key order-api verifies with: a checkout works in the demo profile.
     */
    @Test
    void theDemoProfileConfiguresEveryGatewaySettingWithKeysThatMatch() throws IOException {
        Map<String, String> dotEnv = DemoGatewayKeys.generate();
        Map<String, String> embedded;
        try (SimulatedGateways gateways = SimulatedGateways.start(0, 1.0)) {
            embedded = gateways.properties();
        }
        StandardEnvironment orderApi = springEnvironmentOf(environmentOf("order-api", dotEnv));
        StandardEnvironment paymentListener = springEnvironmentOf(environmentOf("payment-listener", dotEnv));
        Map<String, Object> simulator = environmentOf("gateway-simulator", dotEnv);

        embedded.keySet().forEach(name -> assertThat(name.endsWith(".refund-url")
                ? paymentListener.getProperty(name) : orderApi.getProperty(name)).as("%s in the demo", name)
                .isNotBlank());
        assertThat(cast((Map<?, ?>) services().get("gateway-simulator")).get("profiles")).isEqualTo(List.of("demo"));
        PrivateKey signing = GatewayKeys.privateKey(String.valueOf(simulator.get("SIMULATOR_ALIPAY_PRIVATE_KEY")));
        PublicKey verifying = GatewayKeys.publicKey(
                orderApi.getProperty("marquee.payments.gateways.alipay.public-key"));
        assertThat(((RSAPrivateCrtKey) signing).getModulus()).isEqualTo(((RSAPublicKey) verifying).getModulus());
        assertThat(simulator.get("SIMULATOR_STRIPE_WEBHOOK_SECRET"))
                .isEqualTo(orderApi.getProperty("marquee.payments.gateways.stripe.webhook-secret"));
        assertThat(simulator.get("SIMULATOR_ALIPAY_APP_ID"))
                .isEqualTo(orderApi.getProperty("marquee.payments.gateways.alipay.app-id"));
    }

    /**
     * order-api's operator console is told where every service and the simulator answer, as {@code ./marquee run}
     * tells it: each at its compose host name and the port its image is built for.
     */
    @Test
    void theConsoleFindsEveryServiceByItsComposeName() throws IOException {
        Map<String, Integer> anyPorts = new java.util.HashMap<>();
        for (Service service : Service.values()) {
            anyPorts.put(service.id(), 1);
        }
        Map<String, String> embedded = ConsoleTargets.properties(anyPorts, java.net.URI.create("http://127.0.0.1:1"));
        StandardEnvironment orderApi = springEnvironmentOf("order-api");

        for (String name : embedded.keySet()) {
            String composed = orderApi.getProperty(name);
            assertThat(composed).as("%s in compose", name).isNotBlank();
            if (name.endsWith(".url")) {
                String service = embedded.get(name.replace(".url", ".name"));
                Object port = cast((Map<?, ?>) cast((Map<?, ?>) cast((Map<?, ?>) services().get(service))
                        .get("build")).get("args")).get("PORT");
                assertThat(composed).as(name).isEqualTo("http://" + service + ":" + port);
            }
        }
    }

    /** `down && up` keeps the data: Kafka's log dirs on its volume under a fixed cluster id, Redis's AOF, MariaDB. */
    @Test
    void everyStoreKeepsItsDataOnAVolume() throws IOException {
        Map<String, Object> kafka = cast((Map<?, ?>) services().get("kafka"));
        Map<String, Object> kafkaEnvironment = environmentOf("kafka", Map.of());

        assertThat(String.valueOf(kafkaEnvironment.get("CLUSTER_ID"))).matches("[A-Za-z0-9_-]{22}");
        assertThat(volumeMountedAt(kafka, String.valueOf(kafkaEnvironment.get("KAFKA_LOG_DIRS")))).isTrue();
        assertThat(volumeMountedAt(cast((Map<?, ?>) services().get("mariadb")), "/var/lib/mysql")).isTrue();
        Map<String, Object> redis = cast((Map<?, ?>) services().get("redis"));
        assertThat(volumeMountedAt(redis, "/data")).isTrue();
        assertThat(String.valueOf(redis.get("command"))).contains("--appendonly, yes");
    }

    private static boolean volumeMountedAt(Map<String, Object> service, String path) throws IOException {
        Map<String, Object> volumes = cast((Map<?, ?>) compose().get("volumes"));
        return ((List<?>) service.get("volumes")).stream().map(String::valueOf)
                .anyMatch(mount -> mount.endsWith(":" + path) && volumes.containsKey(mount.split(":")[0]));
    }

    /**
     * The CDC account MariaDB creates is the one outbox-relay signs in with, from the same variables; the relay gets
     * no database account of order-api's, and order-api no binlog account.
     */
    @Test
    void theCdcAccountComesFromTheEnvironmentTheRelayReadsToo() throws IOException {
        Map<String, String> operator = Map.of("MARQUEE_CDC_USER", "relay", "MARQUEE_CDC_PASSWORD", "s3cret'pw");
        Map<String, Object> mariadb = environmentOf("mariadb", operator);
        StandardEnvironment relay = springEnvironmentOf(environmentOf("outbox-relay", operator));
        StandardEnvironment orderApi = springEnvironmentOf(environmentOf("order-api", operator));

        assertThat(mariadb).containsEntry("MARQUEE_CDC_USER", "relay").containsEntry("MARQUEE_CDC_PASSWORD", "s3cret'pw");
        assertThat(relay.getProperty("marquee.cdc.user")).isEqualTo("relay");
        assertThat(relay.getProperty("marquee.cdc.password")).isEqualTo("s3cret'pw");
        assertThat(relay.containsProperty("spring.datasource.password")).isFalse();
        assertThat(orderApi.containsProperty("marquee.cdc.password")).isFalse();
        try (var scripts = Files.list(Path.of("..", "deploy", "mariadb"))) {
            for (Path script : scripts.toList()) {
                assertThat(Files.readString(script)).as("%s", script).doesNotContain("IDENTIFIED BY 'marquee_cdc'")
                        .contains("${MARQUEE_CDC_PASSWORD");
            }
        }
    }

    /** No two services claim the same host port, counting every port of a range (one per scaled instance). */
    @Test
    void hostPortsDoNotOverlap() throws IOException {
        Map<Integer, String> claimed = new java.util.HashMap<>();
        for (Map.Entry<String, Object> service : services().entrySet()) {
            Object ports = cast((Map<?, ?>) service.getValue()).get("ports");
            for (Object port : ports == null ? List.of() : (List<?>) ports) {
                String[] parts = String.valueOf(port).split(":");
                String[] range = parts[parts.length - 2].split("-");
                for (int p = Integer.parseInt(range[0]); p <= Integer.parseInt(range[range.length - 1]); p++) {
                    String before = claimed.put(p, service.getKey());
                    assertThat(before).as("host port %d of %s", p, service.getKey()).isNull();
                }
            }
        }
        assertThat(claimed).containsEntry(29092, "kafka").containsEntry(28081, "schema-registry")
                .containsEntry(8080, "order-api").containsEntry(8084, "box-office").containsEntry(8085, "outbox-relay");
    }

    /**
     * {@code ./marquee status --compose} finds the first instance of every service where compose publishes it on this
     * host, and the operator commands' Kafka default is the broker's host listener as it advertises itself.
     */
    @ParameterizedTest
    @EnumSource(Service.class)
    void statusOnTheHostFindsEveryServiceComposePublishes(Service each) throws IOException {
        Map<String, Object> definition = cast((Map<?, ?>) services().get(each.id()));
        Object containerPort = cast((Map<?, ?>) cast((Map<?, ?>) definition.get("build")).get("args")).get("PORT");
        String firstHostPort = Integer.toString(
                java.net.URI.create(StatusCommand.COMPOSE_SERVICES.get(each.id())).getPort());

        assertThat(((List<?>) definition.get("ports")).stream().map(port -> String.valueOf(port).split(":")))
                .as("ports of %s", each.id())
                .anyMatch(port -> port[port.length - 1].equals(containerPort)
                        && port[port.length - 2].split("-")[0].equals(firstHostPort));
        assertThat(String.valueOf(environmentOf("kafka").get("KAFKA_ADVERTISED_LISTENERS")))
                .contains("HOST://" + new StatusCommand().bootstrap);
    }

    /** Docker's own check of the file, with and without the demo profile, where its compose binary is installed. */
    @ParameterizedTest
    @ValueSource(strings = {"", "demo"})
    void dockerComposeAcceptsTheFile(String profile) throws Exception {
        List<String> compose = composeCommand();
        Assumptions.assumeTrue(compose != null, "no docker-compose or docker compose on this machine");
        List<String> command = new java.util.ArrayList<>(compose);
        command.addAll(List.of("--project-directory", "..", "-f", COMPOSE.toString()));
        if (!profile.isEmpty()) {
            command.addAll(List.of("--profile", profile));
        }
        command.addAll(List.of("config", "-q"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("MARQUEE_JWT_KEY_ID", "k1", "MARQUEE_JWT_PUBLIC_KEY", "public",
                "MARQUEE_JWT_PRIVATE_KEY", "private", "MARQUEE_PARTNER_SECRET_KEY", "partner"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).as(output).isZero();
    }

    private static List<String> composeCommand() throws InterruptedException {
        for (List<String> candidate : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
            List<String> version = new java.util.ArrayList<>(candidate);
            version.add("version");
            try {
                Process process = new ProcessBuilder(version).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor() == 0) {
                    return candidate;
                }
            } catch (IOException notInstalled) {
                // try the next
            }
        }
        return null;
    }

    /**
     * The service's environment as compose passes it, with compose's {@code ${VAR:-default}} at defaults and its
     * required {@code ${VAR:?message}} as the operator's value.
     */
    private static Map<String, Object> environmentOf(String service) throws IOException {
        return environmentOf(service, Map.of());
    }

    /** ... with the operator's .env: {@code ${VAR:-default}} takes its value where it has one. */
    private static Map<String, Object> environmentOf(String service, Map<String, String> dotEnv) throws IOException {
        Map<String, Object> definition = cast((Map<?, ?>) services().get(service));
        Map<String, Object> environment = new java.util.LinkedHashMap<>();
        Pattern withDefault = Pattern.compile("\\$\\{([A-Z_]+):-([^}]*)}");
        cast((Map<?, ?>) definition.get("environment")).forEach((name, value) -> environment.put(name,
                withDefault.matcher(String.valueOf(value)).replaceAll(match -> Matcher.quoteReplacement(
                                dotEnv.getOrDefault(match.group(1), match.group(2))))
                        .replaceAll("\\$\\{([A-Z_]+):\\?[^}]*}", "value-of-$1")));
        return environment;
    }

    private static Map<String, Object> services() throws IOException {
        return cast((Map<?, ?>) compose().get("services"));
    }

    private static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

}
