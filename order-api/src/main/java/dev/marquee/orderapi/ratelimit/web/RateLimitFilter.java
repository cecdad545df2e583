package dev.marquee.orderapi.ratelimit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
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
 * caller not signed in on their IP's (people behind one NAT are not limited together once signed in); placing an
 * order also draws on its screening's. Over: 429 {@code rate-limited} with {@code Retry-After} and the {@code limit}
 * that refused. Probes and gateways' payment notifications are never limited (a gateway's resend must get through).
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final int MAX_ORDER_BODY = 64 * 1024;
    private static final Pattern SCREENING = Pattern.compile("\"screeningId\"\\s*:\\s*\"?(\\d{1,18})(?!\\d)");
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
        List<Charge> charges = new ArrayList<>(2);
        charges.add(callerCharge(request));
        HttpServletRequest passed = request;
        if ("POST".equals(request.getMethod()) && "/api/orders".equals(request.getRequestURI())) {
            CachedBodyRequest cached;
            try {
                cached = CachedBodyRequest.of(request, MAX_ORDER_BODY);
            } catch (CachedBodyRequest.BodyTooLargeException e) {
                SecurityProblems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                        "An order's body may have at most " + MAX_ORDER_BODY + " bytes.");
                return;
            }
            screening(cached.body()).ifPresent(id -> charges.add(new Charge(LimitKind.SCREENING, id)));
            passed = cached;
        }
        Optional<Exceeded> exceeded = limits.check(charges);
        if (exceeded.isPresent()) {
            refuse(request, response, exceeded.get());
            return;
        }
        chain.doFilter(passed, response);
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

    /** The screening of an order, found without parsing the JSON (the controller does that). */
    static Optional<String> screening(byte[] body) {
        Matcher matcher = SCREENING.matcher(new String(body, 0, Math.min(body.length, 4096),
                StandardCharsets.ISO_8859_1));
        return matcher.find() ? Optional.of(Long.toString(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Exceeded exceeded)
            throws IOException {
        long seconds = exceeded.retryAfterSeconds();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        SecurityProblems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests for this " + exceeded.kind().label() + "; retry after " + seconds + " s.",
                Map.of("limit", exceeded.kind().label()));
    }
}
