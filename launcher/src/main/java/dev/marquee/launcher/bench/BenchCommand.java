package dev.marquee.launcher.bench;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marquee bench}: load scenarios against the whole pipeline on a fresh embedded stack, in this JVM. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks a scenario against the whole pipeline on a fresh embedded stack.",
                "The stack has its own data directory and free ports, so a running ./marquee run",
                "is not disturbed. Prints progress, then the figures and, as the last line, one",
                "line of JSON. Exit code 0 when every invariant held, 1 if not."},
        subcommands = {FlashSaleCommand.class, PaymentsCommand.class, ExpiryCommand.class, ReplayBenchCommand.class,
                ImportBenchCommand.class, SteadyCommand.class, SteadyChartCommand.class,
                ChaosCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Name a scenario, e.g. 'marquee bench flash-sale'");
    }
}
