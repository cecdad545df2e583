package dev.marquee.orderapi.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

/**
 * Every service's readiness, asked at once with a short timeout each (a service that hangs costs the console one
 * timeout, not one per service): READY when it says UP, NOT_READY when it answers otherwise (its status said),
 * UNREACHABLE when it does not answer in time.
 */
@Service
public class ServiceReadiness {

    public enum State { READY, NOT_READY, UNREACHABLE }

    public record Readiness(String service, String url, State state, String detail, long millis) {
    }

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private final ConsoleProperties settings;
    private final HttpClient http;

    ServiceReadiness(ConsoleProperties settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public List<Readiness> now() {
        List<CompletableFuture<Readiness>> asked = settings.services().stream().map(this::ask).toList();
        return asked.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Readiness> ask(ConsoleProperties.Target target) {
        URI uri = target.healthUri();
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> answered(target, response, millisSince(start)))
                .exceptionally(e -> new Readiness(target.name(), uri.toString(), State.UNREACHABLE,
                        reason(e), millisSince(start)));
    }

    private static Readiness answered(ConsoleProperties.Target target, HttpResponse<String> response, long millis) {
        Matcher status = STATUS.matcher(response.body() == null ? "" : response.body());
        String said = status.find() ? status.group(1) : null;
        boolean ready = response.statusCode() / 100 == 2 && (said == null || said.equals("UP"));
        String detail = "HTTP " + response.statusCode() + (said == null ? "" : ", " + said);
        return new Readiness(target.name(), target.healthUri().toString(), ready ? State.READY : State.NOT_READY,
                detail, millis);
    }

    private static String reason(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
