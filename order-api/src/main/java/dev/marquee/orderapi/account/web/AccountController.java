package dev.marquee.orderapi.account.web;

import dev.marquee.orderapi.account.AccountView;
import dev.marquee.orderapi.account.Accounts;
import dev.marquee.orderapi.account.PasswordChange;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in caller's own account: who am I, and changing one's password. */
@RestController
class AccountController {

    /** The caller as the token says: {@code permissions} as an int and as rwx text; {@code account} for people. */
    record Whoami(String subject, String role, int permissions, String permissionsText, Long merchantId,
                  String sessionId, AccountView account) {
    }

    record NewPassword(String oldPassword, String newPassword) {
    }

    private final Accounts accounts;
    private final PasswordChange passwordChange;

    AccountController(Accounts accounts, PasswordChange passwordChange) {
        this.accounts = accounts;
        this.passwordChange = passwordChange;
    }

    @Operation(summary = "Who the caller is: subject, role, permission bits, merchant")
    @GetMapping("/api/account")
    @SignedIn
    Whoami whoami(@AuthenticationPrincipal Caller caller) {
        return new Whoami(caller.subject(), caller.role().name(), caller.permissions().bits(),
                caller.permissions().toString(), caller.merchantId(), caller.sessionId(),
                accounts.of(caller).orElse(null));
    }

    /** Every session of the account ends, this one included: sign in again with the new password. */
    @Operation(summary = "Change the caller's password (every other session is signed out)")
    @Problem(status = 400, code = "password-weak", when = "the new password is too short or too common")
    @Problem(status = 401, code = "credentials-invalid", when = "the current password is wrong")
    @PostMapping("/api/account/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @SignedIn
    void changePassword(@AuthenticationPrincipal Caller caller, @RequestBody NewPassword body) {
        passwordChange.change(caller, body.oldPassword(), body.newPassword());
    }
}
