package dev.marquee.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of one metric in Prometheus' text format (what {@code /actuator/prometheus} answers). */
final class PrometheusSamples {

    private PrometheusSamples() {
    }

    /**
     * The metric's samples keyed by the value of {@code label} ("" where the sample has no such label); of several
     * samples with the same key, the largest.
     */
    static Map<String, Double> byLabel(String exposition, String metric, String label) {
        Pattern labelValue = Pattern.compile("[{,]" + Pattern.quote(label) + "=\"((?:[^\"\\\\]|\\\\.)*)\"");
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(metric + "{") && !line.startsWith(metric + " ")) {
                continue;
            }
            int end = line.lastIndexOf('}');
            String labels = end < 0 ? "" : line.substring(metric.length(), end + 1);
            String[] rest = line.substring(end < 0 ? metric.length() : end + 1).trim().split("\\s+");
            Double value = number(rest[0]);
            if (value == null) {
                continue;
            }
            Matcher m = labelValue.matcher(labels);
            samples.merge(m.find() ? m.group(1) : "", value, Math::max);
        }
        return samples;
    }

    private static Double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
    }
}
