package dev.marquee.orderapi.partner.web;

import java.io.IOException;

import dev.marquee.orderapi.partner.PartnerApp;
import dev.marquee.orderapi.partner.SignatureCheck;
import dev.marquee.orderapi.partner.SignatureCheck.Refused;
import dev.marquee.orderapi.partner.SignatureCheck.Verified;
import dev.marquee.orderapi.web.CachedBodyRequest;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.CallerAuthentication;
import dev.marquee.support.security.Permissions;
import dev.marquee.support.security.Role;
import dev.marquee.support.security.SecurityProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests signed by a partner app (the {@code X-Marquee-*} headers): reads the body (at most
 * {@link #MAX_BODY} bytes, else 413 {@code body-too-large}), verifies it, and on success the caller is the app
 * ({@code app:<key>}, role APP, its grant and merchant); on failure 401 with the check's code. Requests without
 * those headers pass untouched, to the bearer tokens. The controller reads the body again from memory.
 */
final class PartnerSignatureFilter extends OncePerRequestFilter {

    static final int MAX_BODY = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(PartnerSignatureFilter.class);

    private final SignatureCheck check;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    PartnerSignatureFilter(SignatureCheck check) {
        this.check = check;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SignatureCheck.isSigned(request::getHeader)) {
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.of(request, MAX_BODY);
        } catch (CachedBodyRequest.BodyTooLargeException e) {
            SecurityProblems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "A signed request's body may have at most " + MAX_BODY + " bytes.");
            return;
        }
        SignatureCheck.Verdict verdict;
        try {
            verdict = check.verify(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                    cached.body(), request::getHeader);
        } catch (RedisException e) {
            log.warn("partner signature not checked, nonces unavailable: {}", e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            SecurityProblems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "nonces-unavailable",
                    "The nonce store cannot be reached, so a replay could not be told apart; nothing was done."
                            + " Retry later with a fresh nonce.");
            return;
        } catch (DataAccessException e) {
            log.warn("partner signature not checked, apps unavailable: {}", e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            SecurityProblems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "try-again",
                    "The partner apps could not be read just now; nothing was done. Retry with a fresh nonce.");
            return;
        }
        if (verdict instanceof Refused refused) {
            SecurityProblems.write(request, response, HttpStatus.UNAUTHORIZED, refused.code(), refused.detail());
            return;
        }
        PartnerApp app = ((Verified) verdict).app();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(new Caller("app:" + app.key(), Role.APP,
                new Permissions(app.permissions()), app.merchantId(), null), new VerifiedSignature(app.key())));
        contexts.setContext(context);
        chain.doFilter(cached, response);
    }
}
