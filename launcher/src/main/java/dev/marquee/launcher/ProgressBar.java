package dev.marquee.launcher;

import java.io.PrintStream;

/**
 * A progress bar on one terminal line ({@code screenings [#########-----------]  4000/10000}), redrawn in place;
 * each sheet's bar stays on its own line once the sheet is done.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private String sheet;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    void show(String sheet, long done, long total) {
        if (this.sheet != null && !this.sheet.equals(sheet)) {
            out.println();
        }
        this.sheet = sheet;
        out.print("\r" + line(sheet, done, total));
        out.flush();
    }

    void end() {
        if (sheet != null) {
            out.println();
        }
        sheet = null;
    }

    static String line(String sheet, long done, long total) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * Math.min(done, total) / total);
        return "%-17s [%s%s] %6d/%d".formatted(sheet, "#".repeat(filled), "-".repeat(WIDTH - filled), done, total);
    }
}
