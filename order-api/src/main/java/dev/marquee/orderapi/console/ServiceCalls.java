package dev.marquee.orderapi.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Service;

/**
 * The console's calls to another service's API on behalf of the operator signed in to the pages: the operator's
 * own access token goes along, so that service checks the same permission bits it checks for anyone (the console
 * grants nothing of its own). Answers the other service's status and body as they were.
 */
@Service
public class ServiceCalls {

    public record Answer(int status, String contentType, String body) {
    }

    private static final Duration CALL = Duration.ofSeconds(5);

    private final ConsoleProperties settings;
    private final HttpClient http;

    ServiceCalls(ConsoleProperties settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public Answer get(String service, String pathAndQuery, String accessToken) {
        return send(service, pathAndQuery, accessToken, HttpRequest.BodyPublishers.noBody(), "GET");
    }

    public Answer post(String service, String pathAndQuery, String accessToken) {
        return send(service, pathAndQuery, accessToken, HttpRequest.BodyPublishers.noBody(), "POST");
    }

    private Answer send(String service, String pathAndQuery, String accessToken,
                        HttpRequest.BodyPublisher body, String method) {
        ConsoleProperties.Target target = settings.service(service)
                .orElseThrow(() -> new ServiceUnavailableException(service, "the console has no address for it"));
        URI uri = target.url().resolve(pathAndQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(CALL).method(method, body)
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
        } catch (IOException e) {
            throw new ServiceUnavailableException(service, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(service, "interrupted");
        }
    }
}
