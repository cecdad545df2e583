package dev.marquee.orderapi.pages.web;

import java.time.Duration;
import java.time.Instant;

import dev.marquee.orderapi.account.Sessions;
import dev.marquee.orderapi.account.SignIn;
import dev.marquee.orderapi.account.SignedIn;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages' session: the same sign-in as {@code /api/auth}, but the tokens go into HttpOnly, SameSite=Strict
 * cookies instead of the answer, so no script of the page ever holds them. The refresh token's cookie is sent
 * only to this controller. All public: this is how one signs in (refusals are the account problems of
 * {@code /api/auth}: {@code credentials-invalid}, {@code sms-*}, {@code refresh-invalid}).
 */
@RestController
@RequestMapping("/pages/session")
class PageSessionController {

    record SignInForm(String phone, String password, String code) {
    }

    /** What the page may know of its session: who, and until when the access token lasts. */
    record PageSession(long accountId, String role, Instant expiresAt) {
    }

    private final SignIn signIn;
    private final Sessions sessions;

    PageSessionController(SignIn signIn, Sessions sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
    }

    /** Password, or a code texted by {@code POST /api/auth/sms/send}. */
    @Operation(summary = "The pages' sign-in: tokens into HttpOnly cookies")
    @Problem(status = 401, code = "credentials-invalid", when = "unknown phone or wrong password")
    @Problem(status = 401, code = "sms-code-invalid", when = "the texted code is wrong")
    @PostMapping
    @PublicEndpoint
    PageSession signIn(@RequestBody SignInForm form, HttpServletResponse response) {
        SignedIn session = form.code() != null && !form.code().isBlank()
                ? signIn.withSmsCode(form.phone(), form.code())
                : signIn.withPassword(form.phone(), form.password());
        return keep(session, response);
    }

    /** The next access token from the refresh cookie (which rotates, like {@code /api/auth/refresh}). */
    @Operation(summary = "The pages' session refreshed from its refresh cookie")
    @Problem(status = 401, code = "refresh-invalid", when = "the refresh token is unknown, expired, revoked or already used")
    @PostMapping("/refresh")
    @PublicEndpoint
    PageSession refresh(HttpServletRequest request, HttpServletResponse response) {
        return keep(sessions.refresh(PageTokens.cookie(request, PageTokens.REFRESH_COOKIE)), response);
    }

    /** Signs out: the session ends and both cookies go. */
    @Operation(summary = "The pages' sign-out: the session is revoked and the cookies cleared")
    @PostMapping("/end")
    @PublicEndpoint
    void end(HttpServletRequest request, HttpServletResponse response) {
        String refresh = PageTokens.cookie(request, PageTokens.REFRESH_COOKIE);
        clear(response);
        if (refresh != null) {
            sessions.endByRefreshToken(refresh);
        }
    }

    private static PageSession keep(SignedIn session, HttpServletResponse response) {
        Instant now = Instant.now();
        set(response, PageTokens.ACCESS_COOKIE, session.accessToken(), "/",
                Duration.between(now, session.expiresAt()));
        set(response, PageTokens.REFRESH_COOKIE, session.refreshToken(), "/pages/session",
                Duration.between(now, session.refreshExpiresAt()));
        return new PageSession(session.accountId(), session.role(), session.expiresAt());
    }

    private static void clear(HttpServletResponse response) {
        set(response, PageTokens.ACCESS_COOKIE, "", "/", Duration.ZERO);
        set(response, PageTokens.REFRESH_COOKIE, "", "/pages/session", Duration.ZERO);
    }

    private static void set(HttpServletResponse response, String name, String value, String path, Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, value)
                .httpOnly(true).sameSite("Strict").path(path).maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
                .build().toString());
    }
}
