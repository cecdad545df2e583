package dev.marquee.support.security;

/** STAND-IN until the core lands on main. */
public record Caller(String subject, Role role, Permissions permissions, Long merchantId, String sessionId) {

    public boolean may(Area area, Access access) {
        return permissions.has(area, access);
    }

    public boolean mayActFor(Long merchant) {
        return merchantId == null || merchantId.equals(merchant);
    }
}
