package dev.marquee.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a handler's {@link Permits} before Spring reads and validates the request body, so that a caller who may
 * not call it hears 401/403, never a 400 about a body they had no business sending. Method security checks the same
 * annotation again when the handler runs; this only answers first.
 */
final class PermitsFirst implements HandlerInterceptor {

    private final PermissionBits bits = new PermissionBits();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Permits permits = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Permits.class);
            if (permits == null) {
                permits = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Permits.class);
            }
            if (permits != null && !bits.hasPermission(SecurityContextHolder.getContext().getAuthentication(),
                    permits.area().name(), permits.access().name())) {
                // the security chain's exception translation answers: 401 when not signed in, else 403
                throw new AccessDeniedException("needs " + permits.area().label() + " " + permits.access());
            }
        }
        return true;
    }
}
