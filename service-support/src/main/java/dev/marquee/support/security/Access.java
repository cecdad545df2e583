package dev.marquee.support.security;

/** STAND-IN until the core lands on main. */
public enum Access {
    READ(4), WRITE(2), MANAGE(1);

    private final int bit;

    Access(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
