package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CompletionCommandTest {

    @Test
    void completesEverySubcommandAndItsOptionsForMarqueeAndDotSlashMarquee() {
        CommandLine marquee = Marquee.commandLine();
        StringWriter out = new StringWriter();
        marquee.setOut(new PrintWriter(out));

        int exit = marquee.execute("completion");

        assertThat(exit).isZero();
        String script = out.toString();
        assertThat(script).contains("_complete_marquee()", "complete -F _complete_marquee -o default ./marquee");
        marquee.getSubcommands().keySet().forEach(name -> assertThat(script).as(name).contains(name));
        assertThat(script).contains("--bootstrap", "--demo-gateways");
    }
}
