package dev.marquee.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Dispatches {@code METHOD /path/{}/...} templates to handlers and writes their results as JSON.
 * Path variables are URL-decoded; a {@link RegistryError} becomes the REST API's error body.
 */
final class Router implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger log = LoggerFactory.getLogger(Router.class);

    /** One request: the template's path variables in order, the JSON body (missing node if none) and the query. */
    record Request(List<String> variables, JsonNode body, Map<String, String> query) {
        String variable(int index) {
            return variables.get(index);
        }
    }

    @FunctionalInterface
    interface Handler {
        /** The response body, sent with status 200. */
        Object handle(Request request);
    }

    private record Route(String method, List<String> template, Handler handler) {
        Optional<List<String>> match(String requestMethod, List<String> segments) {
            if (!method.equals(requestMethod) || template.size() != segments.size()) {
                return Optional.empty();
            }
            List<String> variables = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                if (template.get(i).equals("{}")) {
                    variables.add(segments.get(i));
                } else if (!template.get(i).equals(segments.get(i))) {
                    return Optional.empty();
                }
            }
            return Optional.of(variables);
        }
    }

    private final ObjectMapper json;
    private final List<Route> routes = new ArrayList<>();

    Router(ObjectMapper json) {
        this.json = json;
    }

    Router route(String method, String template, Handler handler) {
        routes.add(new Route(method, segments(template), handler));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                respond(exchange, 200, dispatch(exchange));
            } catch (RegistryError e) {
                respond(exchange, e.status(), error(e.errorCode(), e.getMessage()));
            } catch (RuntimeException e) {
                log.error("Schema registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                respond(exchange, 500, error(50001, "Internal error: " + e.getMessage()));
            }
        }
    }

    private Object dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        List<String> segments = segments(exchange.getRequestURI().getRawPath());
        for (Route route : routes) {
            Optional<List<String>> variables = route.match(method, segments);
            if (variables.isPresent()) {
                List<String> decoded = variables.get().stream().map(Router::decode).toList();
                Request request = new Request(decoded, body(exchange.getRequestBody()), query(exchange));
                return route.handler().handle(request);
            }
        }
        throw RegistryError.routeNotFound(method, exchange.getRequestURI().getPath());
    }

    private JsonNode body(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            throw RegistryError.badRequest("Malformed JSON body: " + e.getOriginalMessage());
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] nameValue = pair.split("=", 2);
                query.put(decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
            }
        }
        return query;
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, Object> error(int errorCode, String message) {
        return Map.of("error_code", errorCode, "message", message);
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    /** Percent-decoding of a path segment; unlike form decoding, '+' stays '+'. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
