package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** deploy/prometheus' alert rules are well formed and alarm where {@code marquee status} does, on the same metrics. */
class AlertRulesTest {

    static final Path RULES = Path.of("..", "deploy", "prometheus", "marquee-alerts.yml");

    @Test
    @SuppressWarnings("unchecked")
    void everyRuleIsNamedAndSaysWhatIsWrong() throws IOException {
        for (Map<String, Object> rule : rules().values()) {
            assertThat(rule).containsKeys("alert", "expr", "for", "labels", "annotations");
            assertThat(((Map<String, Object>) rule.get("labels")).keySet()).contains("severity");
            assertThat(((Map<String, Object>) rule.get("annotations")).keySet()).contains("summary");
        }
    }

    @Test
    void stalledConsumersAndLongRequestedOrdersAlarmAtStatusDefaults() throws IOException {
        Map<String, Map<String, Object>> rules = rules();
        StatusCommand status = new StatusCommand();

        assertThat(rules.get("MarqueeConsumerStalled").get("expr")).isEqualTo("max by (group) ("
                + StatusCommand.STALLED_METRIC + ") >= " + status.stalledAfter.toSeconds());
        assertThat(rules.get("MarqueeOrderRequestedTooLong").get("expr")).isEqualTo("max("
                + StatusCommand.REQUESTED_METRIC + ") >= " + status.requestedAfter.toSeconds());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> rules() throws IOException {
        try (Reader reader = Files.newBufferedReader(RULES)) {
            Map<String, Object> file = new Yaml().load(reader);
            List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
            return groups.stream().flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
                    .collect(Collectors.toMap(r -> (String) r.get("alert"), r -> r));
        }
    }
}
