package dev.marquee.support.security;

/**
 * What a permission is about. Each area owns three bits of a {@link Permissions} integer, read/write/manage like a
 * Linux file mode's rwx, area {@code i} at bits {@code 3i .. 3i+2}.
 */
public enum Area {
    /** Movies, cinemas, halls and their seat grids, licences. */
    CATALOG,
    /** Screenings and their prices; seat maps. */
    SCREENINGS,
    /** Orders: read them, place and cancel them, manage others' (manage). */
    ORDERS,
    /** Payments: read them, pay (write), refund (manage). */
    PAYMENTS,
    /** Box-office figures. */
    BOX_OFFICE,
    /** Operating the system: metrics, dead letters, rebuilds, refunds by hand, accounts and apps. */
    OPERATIONS;

    int shift() {
        return 3 * ordinal();
    }

    /** The name used in permission strings and tables: {@code box-office}. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }

    static Area ofLabel(String label) {
        for (Area area : values()) {
            if (area.label().equals(label.trim().toLowerCase())) {
                return area;
            }
        }
        throw new IllegalArgumentException("unknown area '" + label + "'; one of catalog, screenings, orders, payments, "
                + "box-office, operations");
    }
}
