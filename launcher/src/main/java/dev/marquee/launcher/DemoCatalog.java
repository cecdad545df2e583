package dev.marquee.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.marquee.stack.EmbeddedStack;
import dev.marquee.support.security.AccessTokens;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Role;
import picocli.CommandLine;

/**
 * The demo catalog ({@code deploy/catalog}: cities, cinemas, halls, movies, licences, screenings, accounts),
 * imported through {@code ./marquee import catalog} as an operator would, into a pipeline that has just started: the
 * token is an administrator's, minted with the stack's own signing key for this one import. The services learn it
 * from catalog-events only; {@link #seed} returns once they have read it. Imported into an empty database, its
 * first rows get the ids tests and benches name: halls 1 (104 seats) and 2 (300), screenings 1 to 4, merchant 1.
 */
public final class DemoCatalog {

    /** Where the example file is, from the repository's root. */
    public static final Path FILE = Path.of("deploy", "catalog");

    private DemoCatalog() {
    }

    /** {@link #FILE}, found from the repository's root or from one of its modules (where tests run). */
    public static Path file() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(FILE))) {
                return dir.resolve(FILE);
            }
        }
        throw new IllegalStateException("no demo catalog " + FILE + " here or above " + Path.of("").toAbsolutePath());
    }

    /** Imports the demo catalog or throws; then waits until the services have read its events. */
    public static void seed(EmbeddedStack stack, int orderApiPort) {
        seed(stack, "http://127.0.0.1:" + orderApiPort);
    }

    /** As {@link #seed(EmbeddedStack, int)}, through the order-api at this URL. */
    public static void seed(EmbeddedStack stack, String orderApiUrl) {
        int exit = seed(file(), stack, orderApiUrl);
        if (exit != 0) {
            throw new IllegalStateException("the demo catalog " + file() + " was not imported (exit " + exit + ")");
        }
    }

    /** @return the import's exit code (0 imported, and the services read it) */
    static int seed(Path file, EmbeddedStack stack, String orderApiUrl) {
        String token = AccessTokens.signingWith(stack.secrets().keyId(), stack.secrets().publicKey(),
                stack.secrets().privateKey(), Duration.ofMinutes(5)).issue(new Caller("marquee-run", Role.ADMIN,
                Role.ADMIN.defaults(), null, "marquee-run")).value();
        System.out.println("marquee: importing the demo catalog " + file + " (./marquee import catalog)");
        int exit = new CommandLine(new ImportCommand.Catalog()).execute(file.toString(), "--url", orderApiUrl,
                "--token", token);
        if (exit == 0) {
            CatalogCaughtUp.await(stack, Duration.ofSeconds(60));
        }
        return exit;
    }
}
