package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/prometheus scrapes every instance of every service of the pipeline: a job per service that finds its
 * instances by their compose name, on the port the service's image is built for, at its Prometheus endpoint.
 */
class PrometheusScrapeTest {

    static final Path PROMETHEUS = Path.of("..", "deploy", "prometheus", "prometheus.yml");

    @ParameterizedTest
    @EnumSource(Service.class)
    @SuppressWarnings("unchecked")
    void everyServiceIsScrapedWhereComposeRunsIt(Service service) throws IOException {
        Map<String, Object> job = scrapeJobs().stream().filter(j -> service.id().equals(j.get("job_name")))
                .findFirst().orElseThrow(() -> new AssertionError("no scrape job for " + service.id()));
        Map<String, Object> discovery = ((List<Map<String, Object>>) job.get("dns_sd_configs")).get(0);

        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        assertThat(discovery).containsEntry("names", List.of(service.id())).containsEntry("type", "A");
        assertThat(String.valueOf(discovery.get("port"))).isEqualTo(builtPort(service));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> scrapeJobs() throws IOException {
        try (Reader reader = Files.newBufferedReader(PROMETHEUS)) {
            return (List<Map<String, Object>>) new Yaml().<Map<String, Object>>load(reader).get("scrape_configs");
        }
    }

    @SuppressWarnings("unchecked")
    private static String builtPort(Service service) throws IOException {
        try (Reader reader = Files.newBufferedReader(ComposeConfigurationTest.COMPOSE)) {
            Map<String, Object> services = (Map<String, Object>) new Yaml().<Map<String, Object>>load(reader).get("services");
            Map<String, Object> build = (Map<String, Object>) ((Map<String, Object>) services.get(service.id())).get("build");
            return String.valueOf(((Map<String, Object>) build.get("args")).get("PORT"));
        }
    }
}
