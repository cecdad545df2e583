package dev.marquee.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The product's command line. Every operator or analyst task is a subcommand with its own --help. */
@Command(name = "marquee", mixinStandardHelpOptions = true, version = "marquee 0.1.0",
        description = "Marquee: an event-driven cinema ticketing pipeline.",
        subcommands = {RunCommand.class, ServiceCommand.class, CommandLine.HelpCommand.class})
public final class Marquee {

    public static void main(String[] args) {
        int exit = new CommandLine(new Marquee()).execute(args);
        if (exit != 0 || args.length == 0 || !"run".equals(args[0]) && !"service".equals(args[0])) {
            System.exit(exit);
        }
    }
}
