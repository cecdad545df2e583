package dev.marquee.support.security;

import java.util.Locale;

/** STAND-IN until the core lands on main. */
public record Permissions(int bits) {

    public static final Permissions NONE = new Permissions(0);
    public static final Permissions ALL = new Permissions((1 << (3 * Area.values().length)) - 1);

    public static Permissions of(Area area, Access... access) {
        return NONE.with(area, access);
    }

    public Permissions with(Area area, Access... access) {
        int b = bits;
        for (Access a : access) {
            b |= a.bit() << (3 * area.ordinal());
        }
        return new Permissions(b);
    }

    public boolean has(Area area, Access access) {
        return (bits & (access.bit() << (3 * area.ordinal()))) != 0;
    }

    public static Permissions parse(String text) {
        Permissions p = NONE;
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.trim().split("=");
            if (kv.length != 2 || kv[1].length() != 3) {
                throw new IllegalArgumentException("not a grant: " + part);
            }
            Area area = Area.valueOf(kv[0].trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            String rwx = kv[1];
            for (Access a : Access.values()) {
                char c = rwx.charAt(a.ordinal());
                if (c == "rwm".charAt(a.ordinal())) {
                    p = p.with(area, a);
                } else if (c != '-') {
                    throw new IllegalArgumentException("not a grant: " + part);
                }
            }
        }
        return p;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Area area : Area.values()) {
            StringBuilder rwx = new StringBuilder();
            for (Access a : Access.values()) {
                rwx.append(has(area, a) ? "rwm".charAt(a.ordinal()) : '-');
            }
            if (!rwx.toString().equals("---")) {
                s.append(s.isEmpty() ? "" : ",").append(area.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .append('=').append(rwx);
            }
        }
        return s.toString();
    }
}
