package dev.marquee.orderapi.account;

import dev.marquee.support.security.Caller;

/**
 * A signed-in person changes their password, giving the old one (or sets a first one, when they have only ever
 * signed in by SMS). Every session of the account ends, this one included: sign in again with the new password.
 */
public final class PasswordChange {

    private final AccountStore accounts;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final Sessions sessions;

    PasswordChange(AccountStore accounts, Passwords passwords, PasswordPolicy policy, Sessions sessions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.sessions = sessions;
    }

    public void change(Caller caller, String oldPassword, String newPassword) {
        Account account = Accounts.ofCaller(accounts, caller);
        if (account.passwordHash() != null && !passwords.matches(oldPassword, account.passwordHash())) {
            throw AccountRefusedException.credentialsInvalid();
        }
        policy.check(newPassword, account.phone());
        accounts.setPassword(account.id(), passwords.hash(newPassword));
        sessions.endAll(account);
    }
}
