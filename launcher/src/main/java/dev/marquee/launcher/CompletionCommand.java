package dev.marquee.launcher;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code marquee completion}: bash (and zsh, with bashcompinit) completion of every subcommand and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a bash completion script for marquee: its subcommands, their options and values.",
                "  source <(./marquee completion)                      in this shell",
                "  ./marquee completion > ~/.local/share/bash-completion/completions/marquee   for good",
                "zsh: autoload -U +X bashcompinit && bashcompinit first. Completes `marquee` on the PATH and",
                "`./marquee` in the repository."})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash("marquee", spec.root().commandLine()));
        // bash looks completions up by the word typed: the repository's script is typed ./marquee
        out.println("complete -F _complete_marquee -o default ./marquee");
        out.flush();
        return 0;
    }
}
