package dev.marquee.stack;

/** A port the embedded stack needs is held by another process. */
public final class PortInUseException extends IllegalStateException {

    PortInUseException(String component, int port) {
        super("Port " + port + " (" + component + ") is already in use on 127.0.0.1. "
                + "Another Marquee (or other server) is probably running: stop it, or choose other ports "
                + "(./marquee run --help lists the port options).");
    }
}
