package dev.marquee.support.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem an endpoint answers with: its HTTP status, its stable {@code code} and when it happens. Put one per code
 * on the handler method; the OpenAPI description lists them per status (with the problem-details schema), so a
 * client's author sees every code an endpoint can answer without reading the advice classes. The codes of signing
 * in (401, 403) are added from the handler's {@code @Permits}/{@code @SignedIn}, and those of a request body that
 * cannot be read or is invalid (400) from its {@code @RequestBody}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Problems.class)
public @interface Problem {

    int status();

    String code();

    /** When, in a few words ("the seats are held or sold"). */
    String when();
}
