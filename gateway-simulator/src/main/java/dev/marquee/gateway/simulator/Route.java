package dev.marquee.gateway.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one path, one endpoint per HTTP method (none: a catch-all that finds nothing), and turns refusals into problem answers: an unknown path is
 * {@code not-found}, a method it lacks {@code method-not-allowed}, an {@link ApiProblem} its own code, anything else
 * {@code internal-error}.
 */
final class Route implements HttpHandler {

    /** Answers one request. */
    @FunctionalInterface
    interface Endpoint {
        Reply answer(RequestFields request);
    }

    private static final Logger log = LoggerFactory.getLogger(Route.class);

    private final String path;
    private final Map<String, Endpoint> byMethod;

    Route(String path, Map<String, Endpoint> byMethod) {
        this.path = path;
        this.byMethod = Map.copyOf(byMethod);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, answer(exchange));
        }
    }

    private Reply answer(HttpExchange exchange) {
        if (byMethod.isEmpty() || !exchange.getRequestURI().getPath().equals(path)) {
            return Reply.problem(404, "not-found", "nothing at " + exchange.getRequestURI().getPath());
        }
        Endpoint endpoint = byMethod.get(exchange.getRequestMethod());
        if (endpoint == null) {
            return Reply.problem(405, "method-not-allowed", path + " takes " + byMethod.keySet());
        }
        try {
            return endpoint.answer(RequestFields.of(exchange));
        } catch (ApiProblem problem) {
            return Reply.problem(problem.status(), problem.code(), problem.getMessage());
        } catch (RuntimeException e) {
            log.error("{} {} failed", exchange.getRequestMethod(), path, e);
            return Reply.problem(500, "internal-error", e.toString());
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }
}
