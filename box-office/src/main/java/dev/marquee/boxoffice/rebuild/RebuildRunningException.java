package dev.marquee.boxoffice.rebuild;

/** A rebuild was asked for while another one runs. */
public class RebuildRunningException extends IllegalStateException {

    public RebuildRunningException() {
        super("A rebuild is running; ask again when it has finished.");
    }
}
