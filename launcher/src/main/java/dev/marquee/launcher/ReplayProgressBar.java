package dev.marquee.launcher;

import java.io.PrintStream;
import java.util.Map;

import dev.marquee.boxoffice.replay.ReplayProgress;

/**
 * {@code marquee replay}'s progress on stderr: one {@link ProgressBar} line of the records read of the window,
 * redrawn only when it changes by a bar step (a replay reads thousands of records per fetch), ended with a newline
 * once everything is read so that the summary starts on a line of its own.
 */
final class ReplayProgressBar implements ReplayProgress {

    static final String LABEL = "replay";
    /** Set by ./marquee when its stderr is a terminal. */
    static final String TERMINAL = "MARQUEE_STDERR_TERMINAL";

    private final ProgressBar bar;
    private long drawn = -1;
    private boolean ended;

    ReplayProgressBar(PrintStream err) {
        this.bar = new ProgressBar(err);
    }

    /** With {@code --progress}, or without it when stderr is a terminal (never into a file or a pipe). */
    static boolean wanted(boolean option, Map<String, String> environment) {
        return option || "1".equals(environment.get(TERMINAL));
    }

    @Override
    public void at(long read, long total) {
        if (ended) {
            return;
        }
        long step = total == 0 ? 0 : Math.min(read, total) * 1000 / total;
        if (step != drawn) {
            drawn = step;
            bar.show(LABEL, read, total);
        }
        if (read >= total) {
            bar.end();
            ended = true;
        }
    }
}
