package dev.marquee.boxoffice.replay;

/** Told after each fetch how far a replay has read: records of the window's offset ranges read, of how many. */
@FunctionalInterface
public interface ReplayProgress {

    ReplayProgress NONE = (read, total) -> { };

    void at(long read, long total);
}
