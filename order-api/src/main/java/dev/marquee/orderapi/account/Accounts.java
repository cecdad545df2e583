package dev.marquee.orderapi.account;

import java.time.Clock;
import java.util.Optional;

import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Permissions;
import dev.marquee.support.security.Role;

/**
 * Accounts as administrators see them: who is signed in, staff created for a merchant (with at most their role's
 * permissions), bans (every session ends, sign-in refused with {@code account-banned}).
 */
public final class Accounts {

    private final AccountStore accounts;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final Sessions sessions;
    private final Clock clock;

    Accounts(AccountStore accounts, Passwords passwords, PasswordPolicy policy, Sessions sessions, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The signed-in person's account; absent for partner apps (their subject is not an account). */
    public Optional<AccountView> of(Caller caller) {
        return accountId(caller).flatMap(accounts::byId).map(Account::view);
    }

    /**
     * @param permissionsText e.g. {@code screenings=rwm,orders=r--}; null or blank for the staff role's defaults
     * @throws AccountRefusedException {@code phone-invalid}, {@code password-weak}, {@code merchant-unknown},
     *                                 {@code permissions-invalid}, {@code permissions-exceed-role}, {@code phone-taken}
     */
    public AccountView createStaff(String phoneText, String password, Long merchantId, String permissionsText) {
        PhoneNumber phone = PhoneNumber.parse(phoneText);
        policy.check(password, phone);
        if (merchantId == null || !accounts.merchantExists(merchantId)) {
            throw new AccountRefusedException(400, "merchant-unknown", "Staff work for a merchant: name one that"
                    + " exists (merchantId).");
        }
        Permissions permissions = staffPermissions(permissionsText);
        return accounts.insert(phone, passwords.hash(password), Role.STAFF, merchantId, permissions, clock.instant())
                .view();
    }

    static Permissions staffPermissions(String text) {
        Permissions defaults = Role.STAFF.defaults();
        if (text == null || text.isBlank()) {
            return defaults;
        }
        Permissions asked;
        try {
            asked = Permissions.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AccountRefusedException(400, "permissions-invalid", "Permissions are written like"
                    + " \"screenings=rwm,orders=r--\": " + e.getMessage());
        }
        if ((asked.bits() & ~defaults.bits()) != 0) {
            throw new AccountRefusedException(400, "permissions-exceed-role", "Staff can have at most "
                    + defaults + "; asked for " + asked + ".");
        }
        return asked;
    }

    /** Bans the account: every session ends now, and it cannot sign in again. Banning twice is harmless. */
    public void ban(long id) {
        Account account = accounts.byId(id).orElseThrow(() -> new AccountRefusedException(404, "account-not-found",
                "No account " + id + "."));
        accounts.ban(id, clock.instant());
        sessions.endAll(account);
    }

    /** The caller's own account; 403 {@code forbidden} for a caller that is not a person (a partner app). */
    static Account ofCaller(AccountStore accounts, Caller caller) {
        return accountId(caller).flatMap(accounts::byId)
                .orElseThrow(() -> new AccountRefusedException(403, "forbidden", "Only a person's account has a"
                        + " password."));
    }

    private static Optional<Long> accountId(Caller caller) {
        if (caller == null || caller.subject() == null || !caller.subject().matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(caller.subject()));
    }
}
