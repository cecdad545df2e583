package dev.marquee.orderapi.account;

import java.time.Clock;

import dev.marquee.orderapi.account.sms.SmsCodes;
import dev.marquee.support.security.Role;

/**
 * A customer signs up with their phone, a password and the code texted to that phone (proof that the phone is
 * theirs: without it anyone could take someone else's number, and its owner would hear {@code phone-taken}).
 * Checked in this order, so that a refused request writes nothing and spends no try of the code: the phone's form,
 * the password's strength, the phone being free, then the code.
 */
public final class Registration {

    private final AccountStore accounts;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final SmsCodes smsCodes;
    private final Sessions sessions;
    private final Clock clock;

    Registration(AccountStore accounts, Passwords passwords, PasswordPolicy policy, SmsCodes smsCodes,
                 Sessions sessions, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.smsCodes = smsCodes;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** @return the new customer, signed in */
    public SignedIn register(String phoneText, String password, String code) {
        PhoneNumber phone = PhoneNumber.parse(phoneText);
        policy.check(password, phone);
        if (accounts.byPhone(phone).isPresent()) {
            throw AccountStore.phoneTaken();
        }
        smsCodes.verify(phone.value(), code);
        Account account = accounts.insert(phone, passwords.hash(password), Role.CUSTOMER, null,
                Role.CUSTOMER.defaults(), clock.instant());
        return sessions.start(account);
    }
}
