package dev.marquee.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.marquee.stack.DevSecrets;
import dev.marquee.support.security.AccessTokens;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Role;
import picocli.CommandLine;

/**
 * {@code ./marquee run}'s demo catalog, imported through {@code ./marquee import catalog} as an operator would: the
 * token is an administrator's, minted with the stack's own signing key for this one import.
 */
final class DemoCatalog {

    private DemoCatalog() {
    }

    /** @return the import's exit code (0 imported), or 0 when there is no such file (nothing to seed) */
    static int seed(Path file, DevSecrets secrets, int orderApiPort) {
        if (!Files.exists(file)) {
            System.out.println("marquee: no demo catalog at " + file + "; only the built-in one is there");
            return 0;
        }
        String token = AccessTokens.signingWith(secrets.keyId(), secrets.publicKey(), secrets.privateKey(),
                Duration.ofMinutes(5)).issue(new Caller("marquee-run", Role.ADMIN, Role.ADMIN.defaults(), null,
                "marquee-run")).value();
        System.out.println("marquee: importing the demo catalog " + file + " (./marquee import catalog)");
        return new CommandLine(new ImportCommand.Catalog()).execute(file.toString(), "--url",
                "http://127.0.0.1:" + orderApiPort, "--token", token);
    }
}
