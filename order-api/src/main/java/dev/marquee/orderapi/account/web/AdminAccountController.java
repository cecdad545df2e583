package dev.marquee.orderapi.account.web;

import dev.marquee.orderapi.account.AccountView;
import dev.marquee.orderapi.account.Accounts;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' account work. Both need OPERATIONS MANAGE, which only the administrator role holds: creating
 * staff hands out access to a merchant's data and a ban ends someone's sessions, platform-wide acts that no
 * merchant's staff may do.
 */
@RestController
class AdminAccountController {

    /** @param permissions at most the staff role's defaults, e.g. {@code "screenings=rwm,orders=r--"}; null for them */
    record NewStaff(String phone, String password, Long merchantId, String permissions) {
    }

    private final Accounts accounts;

    AdminAccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Create a staff or administrator account")
    @Problem(status = 409, code = "phone-taken", when = "the phone has an account")
    @Problem(status = 400, code = "password-weak", when = "the password is too short or too common")
    @Problem(status = 400, code = "phone-invalid", when = "not a phone number")
    @Problem(status = 400, code = "permissions-invalid", when = "the permission string does not parse")
    @Problem(status = 400, code = "permissions-exceed-role", when = "more than the role's bits")
    @Problem(status = 400, code = "merchant-unknown", when = "no such merchant")
    @PostMapping("/api/admin/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Permits(area = Area.OPERATIONS, access = Access.MANAGE)
    AccountView createStaff(@RequestBody NewStaff body) {
        return accounts.createStaff(body.phone(), body.password(), body.merchantId(), body.permissions());
    }

    @Operation(summary = "Ban an account: its sessions and tokens are revoked everywhere within seconds")
    @Problem(status = 404, code = "account-not-found", when = "no such account")
    @PostMapping("/api/admin/accounts/{id}/ban")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Permits(area = Area.OPERATIONS, access = Access.MANAGE)
    void ban(@PathVariable long id) {
        accounts.ban(id);
    }
}
