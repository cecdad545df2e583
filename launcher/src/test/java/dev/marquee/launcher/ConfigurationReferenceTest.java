package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * README's property table against the configuration metadata that spring-boot-configuration-processor generates
 * from every module's {@code @ConfigurationProperties} records ({@code META-INF/spring-configuration-metadata.json}
 * in each module's target/classes, all on this module's class path): every {@code marquee.*} property is a row, every
 * row is a property, and a default the metadata knows is the one README gives (the first {@code `value`} of its
 * default cell). A default set in a record's compact constructor is not in the metadata, so README's word on it is
 * not checked.
 */
class ConfigurationReferenceTest {

    static final Path README = Path.of("..", "README.md");
    static final List<String> MODULES_WITH_SETTINGS = List.of("service-support", "seat-ledger", "order-api", "outbox-relay",
            "seat-allocator", "payment-listener", "expiry-worker", "box-office");
    static final Pattern ROW = Pattern.compile("^\\s*\\| `(marquee\\.[^`]+)` \\| ([^|]*) \\|");
    static final Pattern FIRST_VALUE = Pattern.compile("^`([^`]*)`");

    static final Map<String, Optional<String>> metadata = new TreeMap<>();
    static final List<String> sources = new ArrayList<>();

    @BeforeAll
    static void readMetadata() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        for (URL url : Collections.list(ConfigurationReferenceTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    if (name.startsWith("marquee.")) {
                        sources.add(url.toString());
                        JsonNode value = property.get("defaultValue");
                        metadata.merge(name, Optional.ofNullable(value).map(JsonNode::asString),
                                (a, b) -> a.isPresent() ? a : b);
                    }
                }
            }
        }
    }

    @Test
    void everyModuleWithSettingsHasGeneratedMetadata() {
        MODULES_WITH_SETTINGS.forEach(module -> assertThat(sources).as("metadata of %s", module)
                .anyMatch(source -> source.contains("/" + module + "/") || source.contains("/" + module + "-")));
        assertThat(metadata).containsKeys("marquee.topics.partitions", "marquee.hall-lock.wait",
                "marquee.hold.duration", "marquee.expiry.sweep-interval", "marquee.box-office.zone");
        assertThat(metadata.get("marquee.topics.partitions")).contains("6");
    }

    /**
     * One default each: a service's own configuration file sets no {@code marquee.*} property to the default its
     * record already has (the files keep what differs, and the embedded stack's addresses, which have no default).
     */
    @Test
    void noServiceFileRepeatsADefault() throws IOException {
        List<String> repeated = new ArrayList<>();
        int read = 0;
        for (String module : MODULES_WITH_SETTINGS) {
            Path resources = Path.of("..", module, "src", "main", "resources");
            if (!Files.isDirectory(resources)) {
                continue;
            }
            try (var files = Files.list(resources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                    read++;
                    for (Object document : new Yaml().loadAll(Files.readString(file))) {
                        if (document instanceof Map<?, ?> root && root.get("marquee") instanceof Map<?, ?> marquee) {
                            flatten("marquee", marquee, (name, value) -> metadata.getOrDefault(name, Optional.empty())
                                    .filter(value::equals).ifPresent(same -> repeated.add(file + ": " + name + "=" + same)));
                        }
                    }
                }
            }
        }
        assertThat(read).as("service configuration files read").isGreaterThanOrEqualTo(6);
        assertThat(repeated).as("properties set to their record's default (leave them to the record)").isEmpty();
    }

    private static void flatten(String prefix, Map<?, ?> tree, BiConsumer<String, String> leaf) {
        tree.forEach((key, value) -> {
            if (value instanceof Map<?, ?> child) {
                flatten(prefix + "." + key, child, leaf);
            } else {
                leaf.accept(prefix + "." + key, String.valueOf(value));
            }
        });
    }

    @Test
    void readmeTableNamesEveryPropertyOnceWithItsDefault() throws IOException {
        Map<String, String> readme = new TreeMap<>();
        List<String> twice = new ArrayList<>();
        for (String line : Files.readAllLines(README)) {
            Matcher row = ROW.matcher(line);
            if (row.find() && readme.put(row.group(1), row.group(2).trim()) != null) {
                twice.add(row.group(1));
            }
        }
        assertThat(twice).as("properties with more than one row").isEmpty();
        assertThat(new TreeSet<>(readme.keySet())).as("README rows that name no property")
                .isSubsetOf(metadata.keySet());
        List<String> missing = metadata.keySet().stream().filter(name -> !readme.containsKey(name))
                .map(name -> "  | `" + name + "` | " + metadata.get(name).map(v -> "`" + v + "`").orElse("none")
                        + " | … | … |")
                .toList();
        assertThat(missing).as("properties missing from README's table (rows to add)").isEmpty();
        metadata.forEach((name, value) -> value.ifPresent(expected -> {
            Matcher first = FIRST_VALUE.matcher(readme.get(name));
            assertThat(first.find() ? first.group(1) : readme.get(name)).as("README's default of %s", name)
                    .isEqualTo(expected.isEmpty() ? "\"\"" : expected);
        }));
    }
}
