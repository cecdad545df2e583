package dev.marquee.support.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The permission an endpoint needs: {@code @Permits(area = Area.ORDERS, access = Access.WRITE)}. Checked by method
 * security before the handler runs; a caller without it gets 401 when not signed in, 403 otherwise. Every handler
 * of ours carries this or {@link PublicEndpoint}: a service with a bare one refuses to start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@PreAuthorize("hasPermission('{area}', '{access}')")
public @interface Permits {

    Area area();

    Access access();
}
