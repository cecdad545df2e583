package dev.marquee.stack;

/**
 * Database name and accounts of the embedded stack. They are loopback-only development defaults; production takes
 * its secrets from configuration (see docker-compose.yml and README), never from the repository.
 */
public record StackCredentials(String database, String appUser, String appPassword, String cdcUser, String cdcPassword) {

    public static StackCredentials defaults() {
        return new StackCredentials("marquee", "marquee", "marquee", "marquee_cdc", "marquee_cdc");
    }
}
