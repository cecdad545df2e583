package dev.marquee.support.security;

import static dev.marquee.support.security.Access.MANAGE;
import static dev.marquee.support.security.Access.READ;
import static dev.marquee.support.security.Access.WRITE;

/** Who a caller is to the platform, with the permissions that role has unless a grant says otherwise. */
public enum Role {
    /** The platform's administrators: everything, everywhere. */
    ADMIN(Permissions.ALL),
    /** A merchant's staff: their cinemas' halls, licences and screenings, and the orders sold for them. */
    STAFF(Permissions.of(Area.CATALOG, READ, WRITE).with(Area.SCREENINGS, READ, WRITE, MANAGE)
            .with(Area.ORDERS, READ, MANAGE).with(Area.PAYMENTS, READ).with(Area.BOX_OFFICE, READ)),
    /** A customer: browses, orders and pays, only ever their own orders. */
    CUSTOMER(Permissions.of(Area.CATALOG, READ).with(Area.SCREENINGS, READ).with(Area.ORDERS, READ, WRITE)
            .with(Area.PAYMENTS, READ, WRITE).with(Area.BOX_OFFICE, READ)),
    /** A partner's client (box-office terminal, reseller): what its own grant says, nothing by default. */
    APP(Permissions.NONE);

    /** What a caller who has not signed in may do: browse. */
    public static final Permissions ANONYMOUS = Permissions.of(Area.CATALOG, READ).with(Area.SCREENINGS, READ)
            .with(Area.BOX_OFFICE, READ);

    private final Permissions defaults;

    Role(Permissions defaults) {
        this.defaults = defaults;
    }

    public Permissions defaults() {
        return defaults;
    }
}
