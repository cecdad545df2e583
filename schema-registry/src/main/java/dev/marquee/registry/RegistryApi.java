package dev.marquee.registry;

import dev.marquee.registry.RegistryState.Version;
import dev.marquee.registry.Router.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Confluent Schema Registry REST subset, mapped onto {@link SchemaRegistry}. */
final class RegistryApi {

    /** The body of a subject version, in the field order Confluent's registry uses. */
    record SubjectVersion(String subject, int version, int id, String schema) {
        static SubjectVersion of(Version version) {
            return new SubjectVersion(version.subject(), version.version(), version.id(), version.schema().toString());
        }
    }

    private RegistryApi() {
    }

    static Router router(SchemaRegistry registry) {
        return new Router(JsonMapper.builderWithJackson2Defaults().build())
                .route("GET", "/", r -> Map.of())
                .route("GET", "/schemas/types", r -> List.of("AVRO"))
                .route("GET", "/schemas/ids/{}", r -> Map.of("schema", registry.schemaById(id(r.variable(0))).toString()))
                .route("GET", "/subjects", r -> registry.subjects())
                .route("POST", "/subjects/{}", r -> SubjectVersion.of(registry.lookup(r.variable(0), schema(r))))
                .route("GET", "/subjects/{}/versions", r -> registry.versionNumbers(r.variable(0)))
                .route("POST", "/subjects/{}/versions", r -> Map.of("id", registry.register(r.variable(0), schema(r))))
                .route("GET", "/subjects/{}/versions/{}",
                        r -> SubjectVersion.of(registry.version(r.variable(0), r.variable(1))))
                .route("POST", "/compatibility/subjects/{}/versions/{}", r -> Map.of("is_compatible",
                        registry.isCompatible(r.variable(0), r.variable(1), schema(r))))
                .route("GET", "/config", r -> Map.of("compatibilityLevel", registry.globalLevel()))
                .route("PUT", "/config", r -> Map.of("compatibility", registry.setLevel(null, level(r))))
                .route("GET", "/config/{}", r -> Map.of("compatibilityLevel",
                        registry.subjectLevel(r.variable(0), "true".equals(r.query().get("defaultToGlobal")))))
                .route("PUT", "/config/{}", r -> Map.of("compatibility", registry.setLevel(r.variable(0), level(r))));
    }

    private static String schema(Request request) {
        JsonNode body = request.body();
        String type = body.path("schemaType").asString("AVRO");
        if (!type.equals("AVRO")) {
            throw RegistryError.invalidSchema("schemaType " + type + " is not supported, only AVRO");
        }
        if (!body.path("references").isMissingNode() && !body.path("references").isEmpty()) {
            throw RegistryError.invalidSchema("schema references are not supported");
        }
        JsonNode schema = body.path("schema");
        if (!schema.isString()) {
            throw RegistryError.invalidSchema("the body needs a \"schema\" string");
        }
        return schema.asString();
    }

    private static Compatibility level(Request request) {
        JsonNode body = request.body();
        String level = body.path("compatibility").asString(body.path("compatibilityLevel").asString(""));
        try {
            return Compatibility.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryError.invalidCompatibility(level);
        }
    }

    private static int id(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryError.schemaNotFound("id " + text);
        }
    }
}
