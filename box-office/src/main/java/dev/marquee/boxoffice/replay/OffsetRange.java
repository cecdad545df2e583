package dev.marquee.boxoffice.replay;

/** Offsets {@code [from, to)} of one partition. */
public record OffsetRange(long from, long to) {

    public OffsetRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not an offset range: [" + from + ", " + to + ")");
        }
    }

    public long size() {
        return to - from;
    }
}
