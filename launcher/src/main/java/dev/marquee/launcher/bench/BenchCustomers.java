package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import dev.marquee.stack.DevSecrets;
import dev.marquee.stack.EmbeddedStack;
import dev.marquee.support.security.AccessTokens;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Role;

/**
 * The benches' customers, signed in before the timed part: one bearer token per customer, minted with the stack's
 * own signing key ({@link EmbeddedStack#secrets()}, which every service of the bench, in this JVM or a
 * {@link ServiceFleet} process, verifies with), exactly as order-api issues them. Signing in is not what the
 * benches measure; verifying the token on every request is, and it is in every timed request.
 * <p>
 * A customer is named by the bench ({@code "fan-17"}): the name is the token's subject, so the orders' customer ids
 * keep the prefixes the benches' ledgers count by.
 */
final class BenchCustomers {

    /** Longer than any bench runs: a token that expired mid-run would measure the wrong thing. */
    private static final Duration TTL = Duration.ofHours(6);

    private final AccessTokens tokens;
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    BenchCustomers(EmbeddedStack stack) {
        this(stack.secrets());
    }

    BenchCustomers(DevSecrets secrets) {
        this.tokens = AccessTokens.signingWith(secrets.keyId(), secrets.publicKey(), secrets.privateKey(), TTL);
    }

    /** The customer's token (the same one every time it is asked for). */
    String token(String customer) {
        return issued.computeIfAbsent(customer, c -> tokens.issue(new Caller(c, Role.CUSTOMER, Role.CUSTOMER.defaults(),
                null, "bench-" + c)).value());
    }

    /** The tokens of customers {@code prefix + 0 … prefix + (count - 1)}, minted on every core, said on {@code out}. */
    List<String> tokens(String prefix, int count, PrintStream out) {
        long start = System.nanoTime();
        List<String> minted = IntStream.range(0, count).parallel().mapToObj(i -> token(prefix + i)).toList();
        out.printf("bench: %d customers (%s…) signed in in %.1f s, before the timed part%n", count, prefix,
                (System.nanoTime() - start) / 1e9);
        return minted;
    }

    /** An operator's (an admin's) token: for the metrics and admin endpoints a bench reads. */
    String operator() {
        return issued.computeIfAbsent("bench-operator", c -> tokens.issue(new Caller(c, Role.ADMIN,
                Role.ADMIN.defaults(), null, "bench-operator")).value());
    }
}
