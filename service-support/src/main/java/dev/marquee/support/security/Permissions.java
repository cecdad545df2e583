package dev.marquee.support.security;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of permission bits, one integer: three bits (read, write, manage) per {@link Area}. Written as
 * {@code catalog=rw-,orders=r--} (areas without bits are left out), as Linux writes a mode {@code rwxr-x---}.
 */
public record Permissions(int bits) {

    private static final int MASK = (1 << (3 * Area.values().length)) - 1;

    public static final Permissions NONE = new Permissions(0);
    public static final Permissions ALL = new Permissions(MASK);

    public Permissions {
        if ((bits & ~MASK) != 0) {
            throw new IllegalArgumentException("permission bits out of range: " + bits);
        }
    }

    public static Permissions of(Area area, Access... access) {
        return NONE.with(area, access);
    }

    public Permissions with(Area area, Access... access) {
        int added = 0;
        for (Access a : access) {
            added |= a.bit() << area.shift();
        }
        return new Permissions(bits | added);
    }

    public boolean has(Area area, Access access) {
        return (bits & (access.bit() << area.shift())) != 0;
    }

    /** Whether every bit of {@code other} is also set here. */
    public boolean covers(Permissions other) {
        return (other.bits & ~bits) == 0;
    }

    public Permissions and(Permissions other) {
        return new Permissions(bits & other.bits);
    }

    /** Parses {@code catalog=rw-,orders=r--} (dashes optional, {@code orders=r} works); blank is none. */
    public static Permissions parse(String text) {
        Permissions result = NONE;
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected area=rwm, got '" + part.trim() + "'");
            }
            Area area = Area.ofLabel(part.substring(0, eq));
            for (char c : part.substring(eq + 1).trim().toCharArray()) {
                result = c == '-' ? result : result.with(area, accessOf(c, part));
            }
        }
        return result;
    }

    private static Access accessOf(char letter, String part) {
        for (Access access : Access.values()) {
            if (access.letter() == Character.toLowerCase(letter)) {
                return access;
            }
        }
        throw new IllegalArgumentException("unknown permission '" + letter + "' in '" + part.trim() + "'; use r, w, m or -");
    }

    /** The bits of one area as {@code rw-}. */
    public String of(Area area) {
        StringBuilder rwm = new StringBuilder(3);
        for (Access access : Access.values()) {
            rwm.append(has(area, access) ? access.letter() : '-');
        }
        return rwm.toString();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Area area : Area.values()) {
            if ((bits >> area.shift() & 7) != 0) {
                parts.add(area.label() + "=" + of(area));
            }
        }
        return String.join(",", parts);
    }
}
