package dev.marquee.orderapi.account;

import java.time.Clock;
import java.util.Optional;

import dev.marquee.orderapi.account.sms.SmsCodes;
import dev.marquee.support.security.Role;

/**
 * Signing in, by password (everyone) or by a code texted to the phone (customers; the first such sign-in of a
 * phone without an account creates its customer account). An unknown phone and a wrong password get the same
 * answer, {@code credentials-invalid}, after the same work (a password hash either way); a banned account hears
 * {@code account-banned} only once its password or code was right.
 */
public final class SignIn {

    private final AccountStore accounts;
    private final Passwords passwords;
    private final SmsCodes smsCodes;
    private final Sessions sessions;
    private final Clock clock;

    SignIn(AccountStore accounts, Passwords passwords, SmsCodes smsCodes, Sessions sessions, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.smsCodes = smsCodes;
        this.sessions = sessions;
        this.clock = clock;
    }

    public SignedIn withPassword(String phoneText, String password) {
        PhoneNumber phone = PhoneNumber.parse(phoneText);
        Optional<Account> account = accounts.byPhone(phone);
        if (!passwords.matches(password, account.map(Account::passwordHash).orElse(null))) {
            throw AccountRefusedException.credentialsInvalid();
        }
        return sessions.start(notBanned(account.orElseThrow()));
    }

    /** Asks for a code to be texted to the phone (whether or not it has an account: the answer says nothing). */
    public void sendCode(String phoneText, String clientAddress) {
        smsCodes.send(PhoneNumber.parse(phoneText).value(), clientAddress);
    }

    public SignedIn withSmsCode(String phoneText, String code) {
        PhoneNumber phone = PhoneNumber.parse(phoneText);
        smsCodes.verify(phone.value(), code);
        Account account = accounts.byPhone(phone).orElseGet(() -> newCustomer(phone));
        if (account.role() != Role.CUSTOMER) {
            // staff and administrators sign in with their password: a phone alone is not enough for them
            throw AccountRefusedException.credentialsInvalid();
        }
        return sessions.start(notBanned(account));
    }

    private Account newCustomer(PhoneNumber phone) {
        try {
            return accounts.insert(phone, null, Role.CUSTOMER, null, Role.CUSTOMER.defaults(), clock.instant());
        } catch (AccountRefusedException taken) {
            // the same phone's other sign-in created it a moment ago
            return accounts.byPhone(phone).orElseThrow(() -> taken);
        }
    }

    static Account notBanned(Account account) {
        if (account.banned()) {
            throw new AccountRefusedException(403, "account-banned", "This account is banned; ask support.");
        }
        return account;
    }
}
