package dev.marquee.launcher;

import dev.marquee.launcher.bench.BenchCommand;
import dev.marquee.stack.DataDirectoryRefusedException;
import dev.marquee.stack.PortInUseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The product's command line. Every operator or analyst task is a subcommand with its own --help. */
@Command(name = "marquee", mixinStandardHelpOptions = true, version = "marquee 0.1.0",
        description = {"Marquee: an event-driven cinema ticketing pipeline.",
                "(./marquee test runs every test, ./marquee build builds and ./marquee aot records an AOT cache:",
                "the script handles those three.)"},
        subcommands = {RunCommand.class, ServiceCommand.class, BenchCommand.class, WatchCommand.class,
                ReplayCommand.class, BoxOfficeCommand.class, ImportCommand.class, PaymentsCommand.class,
                AppsCommand.class, DeadLettersCommand.class, StatusCommand.class, KeysCommand.class, LoginCommand.class,
                LogoutCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Marquee {

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0 || args.length == 0 || !"run".equals(args[0]) && !"service".equals(args[0])) {
            System.exit(exit);
        }
    }

    /**
     * The command line as {@link #main} runs it. A data directory or port the stack cannot have ends the command with
     * its message and exit code 1, without a stack trace: the message says what to do.
     */
    static CommandLine commandLine() {
        // descriptions are written as lines of up to 110 characters: wrapping them at 80 breaks every one in two
        return new CommandLine(new Marquee()).setUsageHelpWidth(120).setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof DataDirectoryRefusedException || e instanceof PortInUseException) {
                command.getErr().println("marquee: " + e.getMessage());
                command.getErr().flush();
                return 1;
            }
            throw e;
        });
    }
}
