package dev.marquee.orderapi.account.web;

import dev.marquee.orderapi.account.PhoneNumber;
import dev.marquee.orderapi.account.Registration;
import dev.marquee.orderapi.account.Sessions;
import dev.marquee.orderapi.account.SignIn;
import dev.marquee.orderapi.account.SignedIn;
import dev.marquee.orderapi.account.sms.SmsProperties;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(summary = "Register a customer with phone and password; answers with tokens")
    @Problem(status = 409, code = "phone-taken", when = "the phone has an account")
    @Problem(status = 400, code = "password-weak", when = "the password is too short or too common")
    @Problem(status = 400, code = "phone-invalid", when = "not a phone number")
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @PublicEndpoint
    SignedIn register(@RequestBody Registering body) {
        return registration.register(body.phone(), body.password(), body.code());
    }

    @Operation(summary = "Sign in with phone and password")
    @Problem(status = 401, code = "credentials-invalid", when = "unknown phone or wrong password (the same answer for both)")
    @Problem(status = 403, code = "account-banned", when = "an administrator banned the account")
    @PostMapping("/sign-in")
    @PublicEndpoint
    SignedIn signIn(@RequestBody PasswordSignIn body) {
        return signIn.withPassword(body.phone(), body.password());
    }

    /** Texts a sign-in code to the phone; the answer is the same whether the phone has an account or not. */
    @Operation(summary = "Text a 6-digit sign-in code to a phone")
    @Problem(status = 400, code = "phone-invalid", when = "not a phone number")
    @Problem(status = 429, code = "sms-cooldown", when = "a code was sent to this phone under a minute ago")
    @Problem(status = 429, code = "sms-too-many", when = "the phone's or the address's hourly limit")
    @Problem(status = 503, code = "sms-unavailable", when = "the SMS gateway did not take the message")
    @PostMapping("/sms/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PublicEndpoint
    CodeSent sendCode(@RequestBody CodeRequest body, HttpServletRequest request) {
        signIn.sendCode(body.phone(), request.getRemoteAddr());
        return new CodeSent(PhoneNumber.parse(body.phone()).value(), codeTtlSeconds);
    }

    /** Signs a customer in with the texted code; a phone without an account becomes a new customer's. */
    @Operation(summary = "Sign in (or sign up) with a texted code")
    @Problem(status = 401, code = "sms-code-invalid", when = "the code is wrong")
    @Problem(status = 401, code = "sms-code-expired", when = "the code is older than 5 minutes")
    @Problem(status = 429, code = "sms-code-locked", when = "5 wrong tries burnt the code")
    @Problem(status = 403, code = "account-banned", when = "an administrator banned the account")
    @PostMapping("/sms/sign-in")
    @PublicEndpoint
    SignedIn signInWithCode(@RequestBody CodeSignIn body) {
        return signIn.withSmsCode(body.phone(), body.code());
    }

    @Operation(summary = "Trade a refresh token for new tokens (the refresh token rotates)")
    @Problem(status = 401, code = "refresh-invalid", when = "the refresh token is unknown, expired, revoked or already used")
    @Problem(status = 403, code = "account-banned", when = "an administrator banned the account")
    @PostMapping("/refresh")
    @PublicEndpoint
    SignedIn refresh(@RequestBody RefreshRequest body) {
        return sessions.refresh(body.refreshToken());
    }

    /** Ends the session of the refresh token given, or else of the access token the request carries. */
    @Operation(summary = "Sign out: revokes the session and its access tokens everywhere within seconds")
    @Problem(status = 401, code = "refresh-invalid", when = "the refresh token is unknown, expired, revoked or already used")
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
