package dev.marquee.launcher;

import dev.marquee.launcher.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The product's command line. Every operator or analyst task is a subcommand with its own --help. */
@Command(name = "marquee", mixinStandardHelpOptions = true, version = "marquee 0.1.0",
        description = {"Marquee: an event-driven cinema ticketing pipeline.",
                "(./marquee test runs every test and ./marquee build builds; both are handled by the script.)"},
        subcommands = {RunCommand.class, ServiceCommand.class, BenchCommand.class, WatchCommand.class,
                ReplayCommand.class, BoxOfficeCommand.class, PaymentsCommand.class, DeadLettersCommand.class,
                StatusCommand.class,
                CommandLine.HelpCommand.class})
public final class Marquee {

    public static void main(String[] args) {
        // descriptions are written as lines of up to 110 characters: wrapping them at 80 breaks every one in two
        int exit = new CommandLine(new Marquee()).setUsageHelpWidth(120).execute(args);
        if (exit != 0 || args.length == 0 || !"run".equals(args[0]) && !"service".equals(args[0])) {
            System.exit(exit);
        }
    }
}
