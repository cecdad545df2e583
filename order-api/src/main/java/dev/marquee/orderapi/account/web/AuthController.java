package dev.marquee.orderapi.account.web;

import dev.marquee.orderapi.account.PhoneNumber;
import dev.marquee.orderapi.account.Registration;
import dev.marquee.orderapi.account.Sessions;
import dev.marquee.orderapi.account.SignIn;
import dev.marquee.orderapi.account.SignedIn;
import dev.marquee.orderapi.account.sms.SmsProperties;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.PublicEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing up, in and out. Everything here is public (it is how one gets a token); each refusal is a problem with
 * its code: {@code phone-invalid}, {@code password-weak}, {@code phone-taken}, {@code credentials-invalid},
 * {@code account-banned}, the {@code sms-*} codes, {@code refresh-invalid}.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    record Registering(String phone, String password, String code) {
    }

    record PasswordSignIn(String phone, String password) {
    }

    record CodeRequest(String phone) {
    }

    record CodeSignIn(String phone, String code) {
    }

    record RefreshRequest(String refreshToken) {
    }

    record CodeSent(String phone, long expiresInSeconds) {
    }

    private final Registration registration;
    private final SignIn signIn;
    private final Sessions sessions;
    private final long codeTtlSeconds;

    AuthController(Registration registration, SignIn signIn, Sessions sessions,
                   SmsProperties sms) {
        this.registration = registration;
        this.signIn = signIn;
        this.sessions = sessions;
        this.codeTtlSeconds = sms.codeTtl().toSeconds();
    }

    /** A new customer: phone, password and the code texted to the phone ({@code POST /api/auth/sms/send}). */
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @PublicEndpoint
    SignedIn register(@RequestBody Registering body) {
        return registration.register(body.phone(), body.password(), body.code());
    }

    @PostMapping("/sign-in")
    @PublicEndpoint
    SignedIn signIn(@RequestBody PasswordSignIn body) {
        return signIn.withPassword(body.phone(), body.password());
    }

    /** Texts a sign-in code to the phone; the answer is the same whether the phone has an account or not. */
    @PostMapping("/sms/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PublicEndpoint
    CodeSent sendCode(@RequestBody CodeRequest body, HttpServletRequest request) {
        signIn.sendCode(body.phone(), request.getRemoteAddr());
        return new CodeSent(PhoneNumber.parse(body.phone()).value(), codeTtlSeconds);
    }

    /** Signs a customer in with the texted code; a phone without an account becomes a new customer's. */
    @PostMapping("/sms/sign-in")
    @PublicEndpoint
    SignedIn signInWithCode(@RequestBody CodeSignIn body) {
        return signIn.withSmsCode(body.phone(), body.code());
    }

    @PostMapping("/refresh")
    @PublicEndpoint
    SignedIn refresh(@RequestBody RefreshRequest body) {
        return sessions.refresh(body.refreshToken());
    }

    /** Ends the session of the refresh token given, or else of the access token the request carries. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PublicEndpoint
    void logout(@RequestBody(required = false) RefreshRequest body, @AuthenticationPrincipal Caller caller) {
        if (body != null && body.refreshToken() != null) {
            sessions.endByRefreshToken(body.refreshToken());
        } else if (caller != null && caller.sessionId() != null) {
            sessions.end(caller.sessionId());
        } else {
            sessions.endByRefreshToken(null); // neither: refresh-invalid
        }
    }
}
