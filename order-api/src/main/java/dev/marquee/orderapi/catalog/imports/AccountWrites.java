package dev.marquee.orderapi.catalog.imports;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

import dev.marquee.orderapi.catalog.imports.CatalogLines.Account;
import dev.marquee.support.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff and customer accounts by phone, with their role's default permissions. A new account with a password gets
 * it hashed with the accounts' encoder (Argon2id), the hashes computed in parallel on every core; a new account
 * without one signs in by SMS code only. An account already there keeps its password: an import changes its role
 * and merchant, never how its owner signs in.
 */
record AccountWrites(JdbcTemplate jdbc, SheetWrites writes, PasswordEncoder encoder, Clock clock) {

    private static final Upsert ACCOUNTS = new Upsert("account", List.of("phone"),
            List.of("role", "merchant_id", "permissions"));

    ImportCounts write(List<Account> accounts, CatalogIds ids, boolean dry) {
        Map<String, String> passwords = new ConcurrentHashMap<>();
        accounts.stream().filter(a -> a.password() != null).forEach(a -> passwords.put(a.phone(), a.password()));
        List<Upsert.Row> rows = new ArrayList<>();
        for (Account a : accounts) {
            rows.add(new Upsert.Row(List.of(a.phone()), Arrays.asList(a.role(),
                    a.merchant() == null ? null : ids.merchants.get(a.merchant()),
                    Role.valueOf(a.role()).defaults().bits())));
        }
        Upsert.Plan plan = ACCOUNTS.plan(jdbc, rows, "");
        if (!dry) {
            Map<String, String> hashes = hash(plan.inserts(), passwords);
            LocalDateTime now = LocalDateTime.now(clock);
            writes.run(Sheet.ACCOUNTS, plan, (inserts, updates) -> {
                ACCOUNTS.insert(jdbc, inserts, List.of("password_hash", "created_at"),
                        r -> Arrays.asList(hashes.get((String) r.key().getFirst()), now));
                ACCOUNTS.update(jdbc, updates);
            });
        }
        return ImportCounts.of(Sheet.ACCOUNTS, plan);
    }

    /** Argon2id costs about 27 ms of one core a hash: all cores share the work. */
    private Map<String, String> hash(List<Upsert.Row> inserts, Map<String, String> passwords) {
        Map<String, String> hashes = new ConcurrentHashMap<>();
        List<String> phones = inserts.stream().map(r -> (String) r.key().getFirst()).filter(passwords::containsKey)
                .toList();
        if (phones.isEmpty()) {
            return hashes;
        }
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            pool.submit(() -> phones.parallelStream().forEach(p -> hashes.put(p, encoder.encode(passwords.get(p)))))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing passwords", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing passwords failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        return hashes;
    }
}
