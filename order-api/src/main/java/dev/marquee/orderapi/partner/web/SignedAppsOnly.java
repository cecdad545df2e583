package dev.marquee.orderapi.partner.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Only a partner app whose request signature was verified, whatever its grant: not a person, not a bearer token
 * (an app's token cannot buy itself a fresh one), nobody anonymous (401). No permission bit means "is a signed app"
 * (an app's grant may be empty), so {@code @Permits} cannot say it; and the endpoint is not public. The check is
 * the {@code @PreAuthorize} below (which the service's start-up guard accepts as a declaration).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@PreAuthorize("hasRole('APP') and authentication.credentials instanceof T(dev.marquee.orderapi.partner.web.VerifiedSignature)")
public @interface SignedAppsOnly {
}
