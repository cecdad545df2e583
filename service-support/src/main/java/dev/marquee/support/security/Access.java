package dev.marquee.support.security;

/** The three bits of an {@link Area}: like rwx, with manage in the place of execute. */
public enum Access {
    READ(4, 'r'),
    WRITE(2, 'w'),
    MANAGE(1, 'm');

    private final int bit;
    private final char letter;

    Access(int bit, char letter) {
        this.bit = bit;
        this.letter = letter;
    }

    int bit() {
        return bit;
    }

    char letter() {
        return letter;
    }
}
