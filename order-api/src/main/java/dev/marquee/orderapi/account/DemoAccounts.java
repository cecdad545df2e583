package dev.marquee.orderapi.account;

import java.time.Clock;
import java.util.List;

import dev.marquee.support.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The demo's accounts, seeded at start when {@code marquee.demo.accounts} is true ({@code ./marquee run} and the
 * test pipeline set it): an administrator, a staff member of the demo cinema's merchant and two customers, all with
 * the password {@code marquee.demo.password}. Idempotent: an account that exists is set back to its demo grant and
 * password, so every start (and every instance) ends with the same accounts.
 */
public final class DemoAccounts implements ApplicationRunner {

    /** The demo catalog's merchant (db/demo-data), whose staff the demo's staff account is. */
    public static final long DEMO_MERCHANT = 1;
    public static final String ADMIN = "+8613900000001";
    public static final String STAFF = "+8613900000002";
    public static final String CUSTOMER = "+8613900000003";
    public static final String SECOND_CUSTOMER = "+8613900000004";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private record Seed(String phone, Role role, Long merchantId) {
    }

    private final AccountStore accounts;
    private final Passwords passwords;
    private final String password;
    private final Clock clock;

    DemoAccounts(AccountStore accounts, Passwords passwords, String password, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.password = password;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("marquee.demo.accounts is true but marquee.demo.password is not set");
        }
        String hash = passwords.hash(password);
        for (Seed seed : List.of(new Seed(ADMIN, Role.ADMIN, null), new Seed(STAFF, Role.STAFF, DEMO_MERCHANT),
                new Seed(CUSTOMER, Role.CUSTOMER, null), new Seed(SECOND_CUSTOMER, Role.CUSTOMER, null))) {
            if (seed.merchantId() != null && !accounts.merchantExists(seed.merchantId())) {
                log.info("demo staff account not seeded: no merchant {} (the demo catalog is off)", seed.merchantId());
                continue;
            }
            PhoneNumber phone = new PhoneNumber(seed.phone());
            Account account = accounts.byPhone(phone).orElseGet(() -> insert(phone, hash, seed));
            accounts.reset(account.id(), hash, seed.role(), seed.merchantId(), seed.role().defaults());
        }
        log.info("demo accounts: administrator {}, staff {} (merchant {}), customers {} and {}; password in"
                + " marquee.demo.password. Sign in: POST /api/auth/sign-in {{\"phone\":...,\"password\":...}}",
                ADMIN, STAFF, DEMO_MERCHANT, CUSTOMER, SECOND_CUSTOMER);
    }

    private Account insert(PhoneNumber phone, String hash, Seed seed) {
        try {
            return accounts.insert(phone, hash, seed.role(), seed.merchantId(), seed.role().defaults(),
                    clock.instant());
        } catch (AccountRefusedException taken) {
            // another instance seeded it a moment ago
            return accounts.byPhone(phone).orElseThrow(() -> taken);
        }
    }
}
