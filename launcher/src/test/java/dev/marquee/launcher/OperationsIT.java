package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What operators poll: every running service is ready and exposes Prometheus metrics, including its own. */
class OperationsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource({
            "order-api, http_server_requests",
            "seat-allocator, spring_kafka_listener",
            "payment-listener, spring_kafka_listener",
            "expiry-worker, marquee_expiry",
            "box-office, http_server_requests"})
    void eachServiceIsReadyAndExposesPrometheusMetrics(String service, String metric) throws Exception {
        Pipeline pipeline = SharedPipeline.get();
        String base = "http://127.0.0.1:" + pipeline.port(service);
        if (service.equals("order-api")) {
            Api.get("/api/movies");
        } else if (service.equals("box-office")) {
            get(base + "/api/box-office/rankings");
        }

        HttpResponse<String> readiness = get(base + "/actuator/health/readiness");
        HttpResponse<String> metrics = get(base + "/actuator/prometheus");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", metric);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
