package dev.marquee.orderapi.account.web;

import dev.marquee.orderapi.account.AccountView;
import dev.marquee.orderapi.account.Accounts;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
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

    @PostMapping("/api/admin/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Permits(area = Area.OPERATIONS, access = Access.MANAGE)
    AccountView createStaff(@RequestBody NewStaff body) {
        return accounts.createStaff(body.phone(), body.password(), body.merchantId(), body.permissions());
    }

    @PostMapping("/api/admin/accounts/{id}/ban")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Permits(area = Area.OPERATIONS, access = Access.MANAGE)
    void ban(@PathVariable long id) {
        accounts.ban(id);
    }
}
