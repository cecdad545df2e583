package dev.marquee.schemas.serde;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde settings, under the property names of Confluent's {@code KafkaAvroSerializer} so a
 * deployment can swap in Confluent's classes without touching its configuration.
 */
record SerdeConfig(List<URI> registryUrls, boolean autoRegister, SubjectNameStrategy subjectNameStrategy,
                   boolean specificReader, Duration registryPatience) {

    /** Comma-separated base URLs; the first reachable one is used. Required. */
    static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Register unknown schemas (default true), or only look them up. */
    static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    /** Deserialize into the generated SpecificRecord class (true) or a GenericRecord (false, default). */
    static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    /**
     * Marquee's own: how long the deserializer keeps asking an unavailable registry for a writer schema before
     * it gives the record up as undecodable (default 30 s).
     */
    static final String REGISTRY_PATIENCE_MS = "marquee.schema.registry.patience.ms";

    static SerdeConfig from(Map<String, ?> configs, boolean isKey) {
        Object strategy = configs.get(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY);
        return new SerdeConfig(
                urls(configs.get(SCHEMA_REGISTRY_URL)),
                flag(configs.get(AUTO_REGISTER_SCHEMAS), true),
                strategy == null ? SubjectNameStrategy.TOPIC : SubjectNameStrategy.named(strategy),
                flag(configs.get(SPECIFIC_AVRO_READER), false),
                Duration.ofMillis(configs.get(REGISTRY_PATIENCE_MS) == null ? 30_000
                        : Long.parseLong(configs.get(REGISTRY_PATIENCE_MS).toString().trim())));
    }

    private static List<URI> urls(Object configured) {
        String text = configured instanceof Collection<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : configured == null ? "" : configured.toString();
        List<URI> urls = Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .map(URI::create)
                .toList();
        if (urls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\"");
        }
        return urls;
    }

    private static boolean flag(Object configured, boolean defaultValue) {
        return configured == null ? defaultValue : Boolean.parseBoolean(configured.toString().trim());
    }
}
