package dev.marquee.gateway.simulator;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A request's fields, from its query string and its body (a form, or a flat JSON object), the body winning. Reading
 * a field that is missing or unreadable throws {@link ApiProblem} {@code request-malformed}.
 */
final class RequestFields {

    private static final int MAX_BODY = 64 * 1024;

    private final Map<String, String> fields;

    RequestFields(Map<String, String> fields) {
        this.fields = Map.copyOf(fields);
    }

    static RequestFields of(HttpExchange exchange) {
        Map<String, String> fields = new LinkedHashMap<>(form(exchange.getRequestURI().getRawQuery()));
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("")
                .toLowerCase(Locale.ROOT);
        byte[] body = body(exchange);
        if (type.startsWith("application/json")) {
            fields.putAll(json(body));
        } else if (body.length > 0) {
            fields.putAll(form(new String(body, UTF_8)));
        }
        return new RequestFields(fields);
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(fields.get(name)).filter(value -> !value.isBlank());
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> ApiProblem.malformed(name + " is required"));
    }

    Optional<Long> number(String name) {
        try {
            return optional(name).map(Long::parseLong);
        } catch (NumberFormatException e) {
            throw ApiProblem.malformed(name + " must be a whole number");
        }
    }

    Optional<Boolean> flag(String name) {
        return optional(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> throw ApiProblem.malformed(name + " must be true or false");
        });
    }

    URI uri(String name) {
        try {
            return URI.create(required(name));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.malformed(name + " is not a URI");
        }
    }

    private static byte[] body(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new ApiProblem(413, "request-too-large", "bodies are limited to " + MAX_BODY + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> json(byte[] body) {
        JsonNode object;
        try {
            object = Reply.JSON.readTree(body);
        } catch (JacksonException e) {
            throw ApiProblem.malformed("unreadable JSON: " + e.getMessage());
        }
        if (object == null || !object.isObject()) {
            throw ApiProblem.malformed("expected a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        object.properties().forEach(field -> {
            if (field.getValue().isContainer()) {
                throw ApiProblem.malformed(field.getKey() + " must be a plain value");
            }
            if (!field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().asString());
            }
        });
        return fields;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return fields;
        }
        try {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, eq), UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            throw ApiProblem.malformed("unreadable form: " + e.getMessage());
        }
        return fields;
    }
}
