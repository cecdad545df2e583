package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each service owns its data (DESIGN §3): no module but order-api names one of order-api's tables in a statement,
 * in its main code (Java) or its migrations (SQL). order-api's tables are whatever its migrations create, so a new
 * one is covered at once. The launcher is left out: it is the operators' command line and the benches' harness,
 * which check the whole pipeline's invariants across every service's tables, not a service.
 */
class DataOwnershipTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Set<String> NOT_SERVICES = Set.of("order-api", "launcher");
    static final Pattern CREATED = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?");

    @Test
    void noServiceButOrderApiReadsOrWritesOrderApisTables() {
        Set<String> tables = orderApiTables();
        assertThat(tables).as("order-api's tables, from its migrations").contains("customer_order", "hall_seat",
                "screening", "movie", "cinema");

        List<String> readers = new ArrayList<>();
        for (Path module : serviceModules()) {
            sources(module.resolve("src/main")).forEach(file -> usesOf(tables, read(file))
                    .forEach(use -> readers.add(ROOT.relativize(file) + ": " + use)));
        }

        assertThat(readers).as("statements naming order-api's tables outside order-api").isEmpty();
    }

    @Test
    void theScanFindsATableInAnyStatementButNotAnotherTableNamedAlike() {
        Set<String> tables = Set.of("customer_order", "movie");

        assertThat(usesOf(tables, "jdbc.sql(\"SELECT id FROM customer_order WHERE id IN (:ids)\")"))
                .containsExactly("FROM customer_order");
        assertThat(usesOf(tables, "\"SELECT o.id FROM x JOIN `movie` m ON ...\"")).containsExactly("JOIN `movie`");
        assertThat(usesOf(tables, "\"update customer_order set status = ?\"")).containsExactly("update customer_order");
        assertThat(usesOf(tables, "\"SELECT title FROM box_office_movie\" // the movie table's copy")).isEmpty();
    }

    static List<String> usesOf(Set<String> tables, String text) {
        Pattern use = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|EXISTS)\\s+`?(?:"
                + String.join("|", tables) + ")`?(?![\\w.])");
        List<String> uses = new ArrayList<>();
        Matcher m = use.matcher(text);
        while (m.find()) {
            uses.add(m.group());
        }
        return uses;
    }

    private static Set<String> orderApiTables() {
        Set<String> tables = new TreeSet<>();
        sources(ROOT.resolve("order-api/src/main/resources/db/order-api")).forEach(file -> {
            Matcher m = CREATED.matcher(read(file));
            while (m.find()) {
                tables.add(m.group(1).toLowerCase());
            }
        });
        return tables;
    }

    private static List<Path> serviceModules() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            List<Path> modules = dirs.filter(d -> Files.isDirectory(d.resolve("src/main")))
                    .filter(d -> !NOT_SERVICES.contains(d.getFileName().toString())).sorted().toList();
            assertThat(modules).extracting(d -> d.getFileName().toString())
                    .contains("seat-allocator", "payment-listener", "box-office", "expiry-worker", "seat-ledger");
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
