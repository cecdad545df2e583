package dev.marquee.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marquee bench steady-chart}: the curve of saved {@code bench steady} runs as an SVG, their CPU as a table. */
@Command(name = "steady-chart", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draws saved runs of 'bench steady' (their output, whose last JSON line is read) as one",
                "picture: offered rate against p99 order→HELD and callback→PAID, one colour per run, with the",
                "250 ms target; prints their CPU split per step as a Markdown table. Runs no bench itself.",
                "  ./marquee bench steady --rates 20,40,60 > after.out",
                "  ./marquee bench steady-chart before=before.out after=after.out --out docs/steady-curve.svg"})
final class SteadyChartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LABEL=FILE", arity = "1..*",
            description = "A run: a label for the legend and the file its output was saved in")
    List<String> runs;

    @Option(names = "--out", description = "Where the SVG goes. Default: ${DEFAULT-VALUE}")
    Path out = Path.of("docs/steady-curve.svg");

    @Override
    public Integer call() throws IOException {
        List<SteadyChart.Run> parsed = new ArrayList<>();
        for (String run : runs) {
            int eq = run.indexOf('=');
            if (eq <= 0 || eq == run.length() - 1) {
                throw new ParameterException(spec.commandLine(), "Not LABEL=FILE: " + run);
            }
            Path file = Path.of(run.substring(eq + 1));
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "No such file: " + file);
            }
            try {
                parsed.add(SteadyChart.parse(run.substring(0, eq), Files.readString(file)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, SteadyChart.svg(parsed, SteadyPlan.TARGET_P99.toMillis()));
        spec.commandLine().getOut().println("wrote " + out);
        spec.commandLine().getOut().print(SteadyChart.cpuTable(parsed));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
