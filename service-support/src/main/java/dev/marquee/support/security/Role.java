package dev.marquee.support.security;

/** STAND-IN until the core lands on main. */
public enum Role {
    ADMIN, STAFF, CUSTOMER, APP;

    public Permissions defaults() {
        return switch (this) {
            case ADMIN -> Permissions.ALL;
            case STAFF -> Permissions.parse("catalog=rw-,screenings=rwm,orders=r-m,payments=r--,box-office=r--");
            case CUSTOMER -> Permissions.parse("catalog=r--,screenings=r--,orders=rw-,payments=rw-,box-office=r--");
            case APP -> Permissions.NONE;
        };
    }
}
