package dev.marquee.launcher.bench;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SteadyChartTest {

    private static final String OUTPUT = """
            bench: step 1 at 20/s: 19.9/s answered
            {"bench":"flash-sale","ok":true}
            {"bench":"steady","maxRateP99Under250ms":20.0,"steps":[\
            {"step":"step 1","offeredPerSecond":20.0,"achievedPerSecond":19.9,"heldP99Ms":100.0,"paidP99Ms":1000.0,\
            "cpuPercentOfOneCore":{"MariaDB (process)":30.5,"order-api":9.6}},\
            {"step":"step 2","offeredPerSecond":40.0,"achievedPerSecond":31.2,"heldP99Ms":10000.0,"paidP99Ms":0.0,\
            "cpuPercentOfOneCore":{"MariaDB (process)":52.0,"Kafka broker":24.0}}],"ok":true}
            """;

    @Test
    void readsTheLastSteadyLineOfABenchsOutput() {
        SteadyChart.Run run = SteadyChart.parse("after", OUTPUT);

        assertThat(run.label()).isEqualTo("after");
        assertThat(run.points()).extracting(SteadyChart.Point::offered).containsExactly(20.0, 40.0);
        assertThat(run.points()).extracting(SteadyChart.Point::heldP99Ms).containsExactly(100.0, 10000.0);
        assertThat(run.points().get(1).cpu()).containsEntry("Kafka broker", 24.0);
        assertThatThrownBy(() -> SteadyChart.parse("x", "no json here"))
                .hasMessageContaining("no line of JSON from bench steady");
    }

    @Test
    void plotsEachStepWhereItsRateAndLatencyAre() {
        String svg = SteadyChart.svg(List.of(SteadyChart.parse("after", OUTPUT)), 250);

        // x: 0..40/s (the highest rate rounded up to 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) over [LEFT, WIDTH - RIGHT]; y: 10 ms..10 s, logarithmic, bottom to top
        SteadyChart.Axis x = new SteadyChart.Axis(0, 40, SteadyChart.LEFT, SteadyChart.WIDTH - SteadyChart.RIGHT, false);
        SteadyChart.Axis y = new SteadyChart.Axis(10, 10_000, SteadyChart.HEIGHT - SteadyChart.BOTTOM, SteadyChart.TOP,
                true);
        List<String> held = polylines(svg).get(0);
        assertThat(held).containsExactly(point(x.at(20), y.at(100)), point(x.at(40), y.at(10_000)));
        assertThat(y.at(10_000)).isEqualTo(SteadyChart.TOP);
        assertThat(x.at(20)).isEqualTo((SteadyChart.LEFT + SteadyChart.WIDTH - SteadyChart.RIGHT) / 2.0);
        // the paid curve has no point where nothing was paid
        assertThat(polylines(svg).get(1)).containsExactly(point(x.at(20), y.at(1000)));
        assertThat(svg).contains("target p99 250 ms").contains(">after</text>").contains("dashed: p99 callback→PAID").startsWith("<svg");
    }

    @Test
    void tablesTheCpuSplitOfEveryStep() {
        String table = SteadyChart.cpuTable(List.of(SteadyChart.parse("before", OUTPUT)));

        assertThat(table.lines().toList()).containsExactly(
                "| part | before, 20/s | before, 40/s |",
                "|---|---:|---:|",
                "| MariaDB (process) | 31% | 52% |",
                "| order-api | 10% | – |",
                "| Kafka broker | – | 24% |",
                "| **all** | **40%** | **76%** |");
    }

    private static String point(double x, double y) {
        return String.format(java.util.Locale.ROOT, "%.1f,%.1f", x, y);
    }

    private static List<List<String>> polylines(String svg) {
        Matcher m = Pattern.compile("<polyline [^>]*points=\"([^\"]*)\"").matcher(svg);
        List<List<String>> lines = new java.util.ArrayList<>();
        while (m.find()) {
            lines.add(m.group(1).isEmpty() ? List.of() : List.of(m.group(1).split(" ")));
        }
        return lines;
    }
}
