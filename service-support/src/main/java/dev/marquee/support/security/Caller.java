package dev.marquee.support.security;

import java.util.Objects;

/**
 * Who is calling, as a verified token or signature says: a person's account id ({@code "1042"}) or a partner app
 * ({@code "app:<key>"}), their role, permission bits, the merchant they act for (null: the whole platform) and the
 * sign-in session the token belongs to (null for apps). Controllers take it as {@code @AuthenticationPrincipal}.
 */
public record Caller(String subject, Role role, Permissions permissions, Long merchantId, String sessionId) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(permissions, "permissions");
    }

    public boolean may(Area area, Access access) {
        return permissions.has(area, access);
    }

    /** Whether this caller may act on what belongs to {@code merchantId}: platform-wide callers may act for any. */
    public boolean mayActFor(Long merchantId) {
        return this.merchantId == null || this.merchantId.equals(merchantId);
    }

    /** Whether this caller may act on someone else's orders (or payments): the manage bit, not ownership. */
    public boolean managesOthers(Area area) {
        return permissions.has(area, Access.MANAGE);
    }
}
