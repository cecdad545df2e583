package dev.marquee.launcher.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a load balancer in front of the order-api instances does: requests go round the instances, and one that
 * refuses the connection (down) is passed over for the next. A request that reached an instance is never sent
 * again elsewhere: it may have been taken.
 */
final class EdgeBalancer implements AutoCloseable {

    private final List<String> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    EdgeBalancer(List<String> instances) {
        this.instances = List.copyOf(instances);
    }

    /** The response, and the base URL of the instance that gave it. */
    record Answer(String instance, HttpResponse<String> response) {
    }

    /** A POST as the caller whose bearer token this is. */
    Answer post(String path, String json, String token) throws IOException, InterruptedException {
        return send(path, b -> b.header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A GET as the caller whose bearer token this is. */
    Answer get(String path, String token) throws IOException, InterruptedException {
        return send(path, b -> b.header("Authorization", "Bearer " + token).GET());
    }

    private Answer send(String path, java.util.function.UnaryOperator<HttpRequest.Builder> method)
            throws IOException, InterruptedException {
        int first = Math.floorMod(next.getAndIncrement(), instances.size());
        ConnectException refused = null;
        for (int i = 0; i < instances.size(); i++) {
            String instance = instances.get((first + i) % instances.size());
            HttpRequest request = method.apply(HttpRequest.newBuilder(URI.create(instance + path))
                    .timeout(Duration.ofSeconds(10))).build();
            try {
                return new Answer(instance, http.send(request, HttpResponse.BodyHandlers.ofString()));
            } catch (ConnectException e) {
                refused = e;
            }
        }
        throw refused;
    }

    @Override
    public void close() {
        http.close();
    }
}
