package dev.marquee.support.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * An endpoint about the caller themself ({@code GET /api/account}): anyone signed in, whatever their bits; nobody
 * anonymous (401). Where a permission is involved, use {@link Permits}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@PreAuthorize("authentication instanceof T(dev.marquee.support.security.CallerAuthentication)")
public @interface SignedIn {
}
