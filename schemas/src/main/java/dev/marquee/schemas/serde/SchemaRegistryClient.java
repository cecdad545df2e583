package dev.marquee.schemas.serde;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speaks the Confluent Schema Registry REST API. Given several base URLs it uses the first that answers
 * and stays with it until it stops answering. No caching: callers cache.
 */
public final class SchemaRegistryClient implements AutoCloseable {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final List<URI> baseUrls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = JsonMapper.builderWithJackson2Defaults().build();
    private final AtomicInteger current = new AtomicInteger();

    public SchemaRegistryClient(List<URI> baseUrls) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("A schema registry client needs at least one URL");
        }
        this.baseUrls = List.copyOf(baseUrls);
    }

    /** Registers the schema under the subject (a no-op if it already is a version of it) and returns its id. */
    public int register(String subject, Schema schema) {
        return call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema)).path("id").asInt();
    }

    /** The id of a schema already registered under the subject; 404/40403 if it is not. */
    public int lookup(String subject, Schema schema) {
        return call("POST", "/subjects/" + encode(subject), schemaBody(schema)).path("id").asInt();
    }

    public Schema getById(int id) {
        return new Schema.Parser().parse(call("GET", "/schemas/ids/" + id, null).path("schema").asString());
    }

    /** Whether the schema may become the subject's next version; true for a subject that does not exist yet. */
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            return call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema))
                    .path("is_compatible").asBoolean();
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == 40401) {
                return true;
            }
            throw e;
        }
    }

    private JsonNode call(String method, String path, String body) {
        Exception unreachable = null;
        int first = current.get();
        for (int attempt = 0; attempt < baseUrls.size(); attempt++) {
            int index = (first + attempt) % baseUrls.size();
            try {
                HttpResponse<String> response = http.send(request(baseUrls.get(index), method, path, body),
                        BodyHandlers.ofString());
                current.set(index);
                return parse(response);
            } catch (IOException | JacksonException e) {
                unreachable = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while calling the schema registry", e);
            }
        }
        throw new SchemaRegistryException("No schema registry reachable at " + baseUrls + ": " + unreachable, unreachable);
    }

    private static HttpRequest request(URI baseUrl, String method, String path, String body) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", CONTENT_TYPE)
                .header("Content-Type", CONTENT_TYPE)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .build();
    }

    private JsonNode parse(HttpResponse<String> response) throws JacksonException {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return json.readTree(response.body());
        }
        JsonNode error = readQuietly(response.body());
        throw new SchemaRegistryException(status, error.path("error_code").asInt(status),
                error.path("message").asString(response.body()));
    }

    private JsonNode readQuietly(String body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }

    private String schemaBody(Schema schema) {
        try {
            return json.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        http.close();
    }
}
