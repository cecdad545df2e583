package dev.marquee.support.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Deny by default: a service refuses to start while one of our handlers says neither who may call it (a method
 * security check: {@link Permits}, {@link SignedIn}, or another annotation carrying {@code @PreAuthorize}) nor that
 * it is public ({@link PublicEndpoint}), so an endpoint cannot ship unprotected.
 */
final class EndpointGuard implements SmartInitializingSingleton {

    private static final String OURS = "dev.marquee.";

    private final ApplicationContext context;

    EndpointGuard(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> bare = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                HandlerMethod handler = entry.getValue();
                if (handler.getBeanType().getName().startsWith(OURS) && !declared(handler)) {
                    bare.add(entry.getKey() + " → " + handler.getShortLogMessage());
                }
            }
        }
        if (!bare.isEmpty()) {
            throw new IllegalStateException("Endpoints without @Permits or @PublicEndpoint (deny by default: say who may"
                    + " call each): " + bare);
        }
    }

    static boolean declared(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PublicEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PublicEndpoint.class);
    }
}
