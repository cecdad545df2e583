package dev.marquee.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.marquee.launcher.Pipeline;
import dev.marquee.launcher.SharedPipeline;
import dev.marquee.stack.EmbeddedStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench steady} briefly on the shared stack: a generated catalog imported, a short warm-up and one step of
 * open-loop orders (5 a second), each held order paid (a fifth of the callbacks twice; nobody abandons, since the shared stack's
 * holds last minutes), then the report's last line: its shape, and every invariant held.
 */
class SteadyBenchIT {

    @Test
    void aShortSweepReportsItsStepAndKeepsEveryInvariant() throws Exception {
        Pipeline pipeline = SharedPipeline.get();
        SteadyPlan plan = new SteadyPlan(List.of(5.0), Duration.ofSeconds(6), Duration.ofSeconds(3),
                SteadyCatalog.HALLS, 100, 0.0, 0.2, Duration.ofSeconds(30), 7, 0, null, Path.of("unused.html"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        SteadyReport report = new SteadyBench(plan, EmbeddedStack.shared(), pipeline, SharedPipeline.gateway(), out)
                .run();
        report.print(out);

        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonNode json = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        assertThat(json.path("bench").asString()).isEqualTo("steady");
        assertThat(json.has("maxRateP99Under250ms")).isTrue();
        assertThat(json.path("steps")).hasSize(1);
        JsonNode step = json.path("steps").get(0);
        assertThat(step.path("offeredPerSecond").asDouble()).isEqualTo(5.0);
        assertThat(step.path("sent").asLong()).isEqualTo(30);
        // every order sent has an outcome at the edge: accepted, refused or an error (a timeout on a loaded machine)
        assertThat(step.path("accepted").asLong() + step.path("refused").asLong() + step.path("errors").asLong())
                .as(lines[lines.length - 1]).isEqualTo(30);
        assertThat(step.path("held").asLong()).as(lines[lines.length - 1]).isPositive();
        assertThat(step.path("paid").asLong()).isPositive();
        for (String figure : List.of("heldP50Ms", "heldP99Ms", "heldP999Ms", "paidP50Ms", "paidP99Ms", "paidP999Ms",
                "achievedPerSecond", "gcMs", "jitMs")) {
            assertThat(step.has(figure)).as(figure).isTrue();
        }
        assertThat(step.path("heldP99Ms").asDouble()).isGreaterThanOrEqualTo(step.path("heldP50Ms").asDouble());
        assertThat(step.path("cpuPercentOfOneCore").has("order-api")
                || step.path("cpuPercentOfOneCore").has("order-api (HTTP)")).as(step.toString()).isTrue();
        assertThat(step.path("cpuPercentOfOneCore").has("MariaDB (process)")).isTrue();
        json.path("invariants").properties().forEach(e -> assertThat(e.getValue().asLong()).as(e.getKey()).isZero());
        assertThat(json.path("invariants")).hasSize(8);
        assertThat(json.path("statuses").has("PAID")).isTrue();
        assertThat(json.path("ok").asBoolean()).isTrue();
        assertThat(report.ok()).isTrue();
    }
}
