package dev.marquee.orderapi.ratelimit.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.marquee.orderapi.ratelimit.LimitKind;
import dev.marquee.orderapi.ratelimit.RateLimiting;
import dev.marquee.orderapi.ratelimit.RateLimiting.Charge;
import dev.marquee.orderapi.ratelimit.RateLimiting.Exceeded;
import dev.marquee.orderapi.web.CachedBodyRequest;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.CallerAuthentication;
import dev.marquee.support.security.Role;
import dev.marquee.support.security.SecurityProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits, after authentication: a signed-in person draws on their own bucket, a partner app on its app's, a
 * caller not signed in on their IP's (people behind one NAT are not limited together once signed in). Over: 429
 * {@code rate-limited} with {@code Retry-After} and the {@code limit} that refused. Probes and gateways' payment
 * notifications are never limited (a gateway's resend must get through).
 * <p>
 * Placing an order is counted where it costs something: the filter only refuses a caller whose bucket is known to
 * be empty, and the draw (the caller's bucket and the order's screening's) is made by {@link LimitedPlacement} just
 * before the order is written. An order refused from memory before that (seats taken, sold out: a flash crowd's
 * thousands a second) still costs its caller a token, drawn with the other refusals in one batch
 * ({@link RateLimiting#defer}). So a refused attempt is counted as every attempt is, and a script hammering a sold-out
 * screening is soon refused with 429, but an answer that costs microseconds does not wait for a Redis round trip.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final int MAX_ORDER_BODY = 64 * 1024;
    private static final Pattern NOTIFY = Pattern.compile("/api/payments/[^/]+/notify");

    private final RateLimiting limits;

    RateLimitFilter(RateLimiting limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/") || NOTIFY.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Charge caller = callerCharge(request);
        if (!("POST".equals(request.getMethod()) && "/api/orders".equals(request.getRequestURI()))) {
            Optional<Exceeded> exceeded = limits.check(List.of(caller));
            if (exceeded.isPresent()) {
                refuse(request, response, exceeded.get());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.of(request, MAX_ORDER_BODY);
        } catch (CachedBodyRequest.BodyTooLargeException e) {
            SecurityProblems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "An order's body may have at most " + MAX_ORDER_BODY + " bytes.");
            return;
        }
        Optional<Exceeded> known = limits.knownEmpty(List.of(caller));
        if (known.isPresent()) {
            refuse(request, response, known.get());
            return;
        }
        OrderAdmission admission = new OrderAdmission(caller);
        cached.setAttribute(OrderAdmission.ATTRIBUTE, admission);
        try {
            chain.doFilter(cached, response);
        } finally {
            if (!admission.drawn()) {
                limits.defer(List.of(caller));
            }
        }
    }

    private static Charge callerCharge(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication signedIn) {
            Caller caller = signedIn.getPrincipal();
            return caller.role() == Role.APP
                    ? new Charge(LimitKind.APP, caller.subject().substring(caller.subject().indexOf(':') + 1))
                    : new Charge(LimitKind.USER, caller.subject());
        }
        return new Charge(LimitKind.IP, request.getRemoteAddr());
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Exceeded exceeded)
            throws IOException {
        long seconds = exceeded.retryAfterSeconds();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        SecurityProblems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", exceeded.detail(),
                Map.of("limit", exceeded.kind().label()));
    }
}
