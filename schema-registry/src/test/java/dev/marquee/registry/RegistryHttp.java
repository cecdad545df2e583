package dev.marquee.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A test client for the registry's REST API over real HTTP. */
final class RegistryHttp {

    record Response(int status, JsonNode body, String contentType) {
    }

    private final ObjectMapper json = JsonMapper.builderWithJackson2Defaults().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Response register(String subject, String schema) {
        return post("/subjects/" + encode(subject) + "/versions", Map.of("schema", schema));
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(BodyPublishers.ofByteArray(bytes(body))));
    }

    Response put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).PUT(BodyPublishers.ofByteArray(bytes(body))));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.header("Content-Type", "application/json").build(), BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), json.readTree(response.body()),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(Object body) {
        return json.writeValueAsBytes(body);
    }
}
