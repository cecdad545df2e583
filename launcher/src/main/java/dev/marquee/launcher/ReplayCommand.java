package dev.marquee.launcher;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import dev.marquee.boxoffice.DayWindow;
import dev.marquee.boxoffice.RankingQuery;
import dev.marquee.boxoffice.replay.CsvSink;
import dev.marquee.boxoffice.replay.JsonLinesSink;
import dev.marquee.boxoffice.replay.Position;
import dev.marquee.boxoffice.replay.RankingsSink;
import dev.marquee.boxoffice.replay.Replay;
import dev.marquee.boxoffice.replay.ReplayProgress;
import dev.marquee.boxoffice.replay.ReplayReport;
import dev.marquee.boxoffice.replay.ReplaySink;
import dev.marquee.boxoffice.replay.ReplaySource;
import dev.marquee.boxoffice.replay.ReplayWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code marquee replay}: any window of any topic, decoded, as CSV or JSON lines, or the rankings it adds up to. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads a window of one or more topics, decodes the Avro with the schema registry and writes",
                "CSV or JSON lines, or recomputes the box-office rankings of that window. Joins no consumer group",
                "and commits nothing, so no live service notices. A summary goes to stderr, and a progress bar",
                "too when stderr is a terminal (or with --progress).",
                "Examples:",
                "  marquee replay order-events --from 2026-11-21T00:00:00Z --to 2026-11-22T00:00:00Z --format csv",
                "  marquee replay seat-events --partition 0 --from 100 --to 200",
                "  marquee replay order-events seat-events --format rankings --limit 5"})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "Topics to read, e.g. order-events seat-events")
    List<String> topics;

    @Option(names = "--from", description = "Start: 'beginning', an offset (of every partition read) or an ISO-8601 instant. Default: ${DEFAULT-VALUE}")
    String from = "beginning";

    @Option(names = "--to", description = "End, exclusive: 'end' (as of now), an offset or an ISO-8601 instant. Default: ${DEFAULT-VALUE}")
    String to = "end";

    @Option(names = "--partition", description = "Only this partition (default: all)")
    Integer partition;

    @Option(names = "--format", description = "csv, jsonl or rankings. Default: ${DEFAULT-VALUE}")
    String format = "jsonl";

    @Option(names = "--out", description = "Write here instead of stdout")
    Path out;

    @Option(names = "--limit", description = "rankings: how many movies. Default: ${DEFAULT-VALUE}")
    int limit = 10;

    @Option(names = "--days", description = "rankings: only sales of these days, e.g. 2026-11-21 or 2026-11-01..2026-11-30")
    String days;

    @Option(names = "--zone", description = "rankings: the zone of a sale's day. Default: ${DEFAULT-VALUE}")
    ZoneId zone = ZoneId.of("Asia/Shanghai");

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers. Default: ${DEFAULT-VALUE}")
    String bootstrap = "127.0.0.1:29092";

    @Option(names = "--registry", description = "Schema registry URL. Default: ${DEFAULT-VALUE}")
    String registry = "http://127.0.0.1:28081";

    @Option(names = "--progress", description = "A progress bar on stderr even when it is not a terminal")
    boolean progress;

    @Override
    public Integer call() throws IOException {
        ReplayWindow window = new ReplayWindow(topics, partition, position(from, "--from"), position(to, "--to"));
        require(limit >= 1 && limit <= RankingQuery.MAX_LIMIT, "--limit must be 1 to " + RankingQuery.MAX_LIMIT);
        DayWindow dayWindow = dayWindow();
        try (Writer writer = out == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(out)) {
            Replay replay = new Replay(new ReplaySource(bootstrap, registry));
            ReplayReport report;
            ReplayProgress shown = ReplayProgressBar.wanted(progress, System.getenv())
                    ? new ReplayProgressBar(System.err) : ReplayProgress.NONE;
            switch (format) {
                case "csv", "jsonl" -> {
                    ReplaySink sink = format.equals("csv") ? new CsvSink(writer) : new JsonLinesSink(writer);
                    report = replay.run(window, sink, shown);
                }
                case "rankings" -> {
                    RankingsSink sink = new RankingsSink(zone);
                    report = replay.run(window, sink, shown);
                    RankingsSink.print(sink.ranking(RankingQuery.top(limit, dayWindow)), writer);
                }
                default -> throw new ParameterException(spec.commandLine(), "--format must be csv, jsonl or rankings");
            }
            writer.flush();
            System.err.printf("replay: %d events (%d undecodable) in %.2f s, %.0f events/s, from %s%n", report.events(),
                    report.undecodable(), report.took().toMillis() / 1000.0, report.eventsPerSecond(), report.ranges());
        }
        return 0;
    }

    private Position position(String value, String option) {
        String v = value.trim();
        try {
            if (v.equals("beginning")) {
                return Position.beginning();
            }
            if (v.equals("end")) {
                return Position.end();
            }
            if (v.chars().allMatch(Character::isDigit)) {
                return Position.offset(Long.parseLong(v));
            }
            return Position.time(Instant.parse(v));
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), option + " must be 'beginning', 'end', an offset or an"
                    + " ISO-8601 instant such as 2026-11-21T00:00:00Z, not '" + value + "'");
        }
    }

    private DayWindow dayWindow() {
        if (days == null) {
            return DayWindow.all();
        }
        try {
            String[] range = days.split("\\.\\.");
            return new DayWindow(LocalDate.parse(range[0]), LocalDate.parse(range[range.length - 1]));
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--days must be a day or day..day, e.g. 2026-11-21");
        }
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
