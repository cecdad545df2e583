package dev.marquee.orderapi.account;

import java.time.Clock;
import java.util.List;

import dev.marquee.orderapi.catalog.CatalogImported;
import dev.marquee.support.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;

/**
 * The demo's accounts, seeded at start when {@code marquee.demo.accounts} is true ({@code ./marquee run} and the
 * test pipeline set it): an administrator, a staff member of the demo cinema's merchant and two customers, all with
 * the password {@code marquee.demo.password}. The staff member's merchant comes with the demo catalog, imported once
 * order-api is up: a catalog import seeds the accounts again while the staff member is missing. Idempotent: an
 * account that exists is set back to its demo grant and password, so every start (and every instance) ends with the
 * same accounts.
 */
public final class DemoAccounts implements ApplicationRunner {

    /** The demo catalog's merchant (deploy/catalog/merchants.csv), whose staff the demo's staff account is. */
    public static final String DEMO_MERCHANT_CODE = "merchant-1";
    /** Its id: the first merchant of the demo catalog, imported into an empty database. */
    public static final long DEMO_MERCHANT = 1;
    public static final String ADMIN = "+8613900000001";
    public static final String STAFF = "+8613900000002";
    public static final String CUSTOMER = "+8613900000003";
    public static final String SECOND_CUSTOMER = "+8613900000004";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private record Seed(String phone, Role role, String merchantCode) {
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
        seed();
    }

    @EventListener
    void on(CatalogImported imported) {
        if (accounts.byPhone(new PhoneNumber(STAFF)).isEmpty()) {
            seed();
        }
    }

    private void seed() {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("marquee.demo.accounts is true but marquee.demo.password is not set");
        }
        String hash = passwords.hash(password);
        for (Seed seed : List.of(new Seed(ADMIN, Role.ADMIN, null), new Seed(STAFF, Role.STAFF, DEMO_MERCHANT_CODE),
                new Seed(CUSTOMER, Role.CUSTOMER, null), new Seed(SECOND_CUSTOMER, Role.CUSTOMER, null))) {
            Long merchantId = seed.merchantCode() == null ? null
                    : accounts.merchantByCode(seed.merchantCode()).orElse(null);
            if (seed.merchantCode() != null && merchantId == null) {
                log.info("demo staff account not seeded yet: no merchant {} (until the demo catalog is imported)",
                        seed.merchantCode());
                continue;
            }
            PhoneNumber phone = new PhoneNumber(seed.phone());
            Account account = accounts.byPhone(phone).orElseGet(() -> insert(phone, hash, seed.role(), merchantId));
            accounts.reset(account.id(), hash, seed.role(), merchantId, seed.role().defaults());
        }
        log.info("demo accounts: administrator {}, staff {} (merchant {}), customers {} and {}; password in"
                + " marquee.demo.password. Sign in: POST /api/auth/sign-in {{\"phone\":...,\"password\":...}}",
                ADMIN, STAFF, DEMO_MERCHANT_CODE, CUSTOMER, SECOND_CUSTOMER);
    }

    private Account insert(PhoneNumber phone, String hash, Role role, Long merchantId) {
        try {
            return accounts.insert(phone, hash, role, merchantId, role.defaults(),
                    clock.instant());
        } catch (AccountRefusedException taken) {
            // another instance seeded it a moment ago
            return accounts.byPhone(phone).orElseThrow(() -> taken);
        }
    }
}
