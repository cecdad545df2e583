package dev.marquee.support.security;

import java.io.Serializable;

import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.Authentication;

/**
 * {@code hasPermission('ORDERS', 'WRITE')}, as {@link Permits} writes it: whether the caller's bits (or, not signed
 * in, {@link Role#ANONYMOUS}'s) include that access to that area. Anything else is denied.
 */
final class PermissionBits implements PermissionEvaluator {

    @Override
    public boolean hasPermission(Authentication authentication, Object area, Object access) {
        if (!(area instanceof String a) || !(access instanceof String x)) {
            return false;
        }
        Permissions granted = authentication instanceof CallerAuthentication caller
                ? caller.getPrincipal().permissions() : Role.ANONYMOUS;
        return granted.has(Area.valueOf(a), Access.valueOf(x));
    }

    @Override
    public boolean hasPermission(Authentication authentication, Serializable targetId, String targetType,
                                 Object permission) {
        return false;
    }
}
