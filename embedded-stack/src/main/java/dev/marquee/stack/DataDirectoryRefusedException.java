package dev.marquee.stack;

import java.nio.file.Path;

/** The stack will not use a data directory: another process owns it, or it holds files the stack did not write. */
public final class DataDirectoryRefusedException extends IllegalStateException {

    private DataDirectoryRefusedException(String message) {
        super(message);
    }

    static DataDirectoryRefusedException inUse(Path dir, String holder) {
        return new DataDirectoryRefusedException("The data directory " + dir + " is in use by " + holder
                + ". Stop that Marquee, or give this one another directory (--data-dir).");
    }

    static DataDirectoryRefusedException notOurs(Path dir, String stranger) {
        return new DataDirectoryRefusedException("The data directory " + dir + " holds " + stranger
                + ", which Marquee did not write; it wipes its data directory at start, so it refuses this one."
                + " Give it an empty or new directory (--data-dir).");
    }
}
