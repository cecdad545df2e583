package dev.marquee.launcher.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steady bench's curve as a picture: offered rate against p99 order→HELD (solid) and p99 callback→PAID (dashed),
 * one colour per run, on a logarithmic latency axis with the 250 ms target drawn; and the runs' CPU split per step
 * as a Markdown table. Reads the JSON lines {@code bench steady} prints; plain SVG, no script.
 */
final class SteadyChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 420;
    static final int LEFT = 70;
    static final int RIGHT = 180;
    static final int TOP = 40;
    static final int BOTTOM = 50;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"};
    private static final double MIN_MS = 10;

    /** One step of a run: what was offered, what was answered, the p99s and the CPU split. */
    record Point(double offered, double achieved, double heldP99Ms, double paidP99Ms, Map<String, Double> cpu) {
    }

    record Run(String label, List<Point> points) {
    }

    private SteadyChart() {
    }

    /** A run from the last {@code "bench":"steady"} JSON line of a bench's output. */
    static Run parse(String label, String output) {
        String json = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("{") && line.contains("\"bench\":\"steady\"")) {
                json = line;
            }
        }
        if (json == null) {
            throw new IllegalArgumentException(label + ": no line of JSON from bench steady in it");
        }
        JsonNode root = JsonMapper.builder().build().readTree(json);
        List<Point> points = new ArrayList<>();
        for (JsonNode step : root.get("steps")) {
            Map<String, Double> cpu = new LinkedHashMap<>();
            JsonNode split = step.get("cpuPercentOfOneCore");
            if (split != null) {
                split.properties().forEach(e -> cpu.put(e.getKey(), e.getValue().asDouble()));
            }
            points.add(new Point(step.get("offeredPerSecond").asDouble(), step.get("achievedPerSecond").asDouble(),
                    step.get("heldP99Ms").asDouble(), step.get("paidP99Ms").asDouble(), cpu));
        }
        return new Run(label, points);
    }

    static String svg(List<Run> runs, double targetMs) {
        double maxRate = runs.stream().flatMap(r -> r.points().stream()).mapToDouble(Point::offered).max().orElse(1);
        double maxMs = Math.max(targetMs * 4, runs.stream().flatMap(r -> r.points().stream())
                .mapToDouble(p -> Math.max(p.heldP99Ms(), p.paidP99Ms())).max().orElse(1));
        Axis x = new Axis(0, niceCeiling(maxRate), LEFT, WIDTH - RIGHT, false);
        Axis y = new Axis(MIN_MS, Math.pow(10, Math.ceil(Math.log10(maxMs))), HEIGHT - BOTTOM, TOP, true);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH,
                HEIGHT));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        s.append("<text x=\"").append(LEFT).append("\" y=\"18\" font-weight=\"bold\">bench steady: offered rate"
                + " against p99 latency</text>\n");
        double step = x.max() / 4;
        for (int i = 0; i <= 4; i++) {
            double v = step * i;
            double px = x.at(v);
            s.append(line(px, y.at(y.min()), px, y.at(y.max()), "#eee", false));
            s.append(text(px, HEIGHT - BOTTOM + 16, "middle", format(v)));
        }
        for (double v = y.min(); v <= y.max() * 1.0001; v *= 10) {
            double py = y.at(v);
            s.append(line(x.at(0), py, x.at(x.max()), py, "#eee", false));
            s.append(text(LEFT - 6, py + 4, "end", format(v) + " ms"));
        }
        s.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 12, "middle", "orders offered per second"));
        s.append(line(x.at(0), y.at(targetMs), x.at(x.max()), y.at(targetMs), "#888", true));
        s.append(text(x.at(x.max()) - 4, y.at(targetMs) - 4, "end", "target p99 " + format(targetMs) + " ms"));
        s.append(text(LEFT, TOP - 2, "start", "solid: p99 order→HELD · dashed: p99 callback→PAID"));
        int legendY = TOP + 10;
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            String colour = COLOURS[i % COLOURS.length];
            s.append(series(run.points(), x, y, colour, false));
            s.append(series(run.points(), x, y, colour, true));
            double lx = WIDTH - RIGHT + 16;
            s.append(line(lx, legendY, lx + 24, legendY, colour, false));
            s.append(text(lx + 30, legendY + 4, "start", run.label()));
            legendY += 22;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** The CPU split (share of one core) of every run's steps, one column per step, the largest parts first. */
    static String cpuTable(List<Run> runs) {
        Set<String> parts = new LinkedHashSet<>();
        runs.forEach(r -> r.points().forEach(p -> p.cpu().entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> parts.add(e.getKey()))));
        StringBuilder header = new StringBuilder("| part |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Run run : runs) {
            for (Point p : run.points()) {
                header.append(' ').append(run.label()).append(", ").append(format(p.offered())).append("/s |");
                rule.append("---:|");
            }
        }
        StringBuilder table = new StringBuilder(header).append('\n').append(rule).append('\n');
        for (String part : parts) {
            table.append("| ").append(part).append(" |");
            for (Run run : runs) {
                for (Point p : run.points()) {
                    Double v = p.cpu().get(part);
                    table.append(' ').append(v == null ? "–" : String.format(Locale.ROOT, "%.0f%%", v)).append(" |");
                }
            }
            table.append('\n');
        }
        table.append("| **all** |");
        for (Run run : runs) {
            for (Point p : run.points()) {
                double sum = p.cpu().values().stream().mapToDouble(Double::doubleValue).sum();
                table.append(String.format(Locale.ROOT, " **%.0f%%** |", sum));
            }
        }
        return table.append('\n').toString();
    }

    private static String series(List<Point> points, Axis x, Axis y, String colour, boolean paid) {
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (Point p : points) {
            double ms = paid ? p.paidP99Ms() : p.heldP99Ms();
            if (!(ms > 0)) {
                continue;
            }
            double px = x.at(p.offered());
            double py = y.at(Math.max(MIN_MS, ms));
            path.append(path.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\">"
                            + "<title>%s/s offered, %s/s answered: p99 %s %s ms</title></circle>%n", px, py, colour,
                    format(p.offered()), format(p.achieved()), paid ? "callback→PAID" : "order→HELD", format(ms)));
        }
        return String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                colour, paid ? " stroke-dasharray=\"6 4\"" : "", path) + dots;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, boolean dashed) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1, y1, x2, y2, colour, dashed ? " stroke-dasharray=\"6 4\" stroke-width=\"2\"" : " stroke-width=\"2\"");
    }

    private static String text(double x, double y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor,
                text.replace("&", "&amp;").replace("<", "&lt;"));
    }

    static String format(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double f : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (f * magnitude >= v) {
                return f * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Data to pixels, linear or logarithmic. */
    record Axis(double min, double max, double from, double to, boolean log) {
        double at(double v) {
            double share = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : (v - min) / (max - min);
            return from + share * (to - from);
        }
    }
}
