package dev.marquee.orderapi.catalog.imports;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import dev.marquee.orderapi.catalog.CatalogProperties;
import dev.marquee.orderapi.catalog.CatalogEvents;
import dev.marquee.orderapi.catalog.CatalogImported;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a catalog file: every line is validated against the file and the catalog first; if any is refused
 * nothing is written (unless the caller skips refused lines); then the sheets are upserted by natural key. One
 * import runs at a time in an instance (a second is refused {@code import-running}).
 */
@Component
class CatalogImports {

    /** Rows written per transaction. */
    static final int CHUNK = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final CatalogEvents events;
    private final Duration turnaround;
    private final ReentrantLock running = new ReentrantLock();
    private final ApplicationEventPublisher announcements;

    CatalogImports(JdbcTemplate jdbc, PlatformTransactionManager transactions, PasswordEncoder encoder, Clock clock,
                   CatalogEvents events, ApplicationEventPublisher announcements,
                   CatalogProperties catalog) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.encoder = encoder;
        this.clock = clock;
        this.events = events;
        this.announcements = announcements;
        this.turnaround = catalog.advertising().plus(catalog.cleaning());
    }

    /** Validated lines, ready to write. */
    record Checked(CatalogLines lines, List<RowError> skipped, CatalogIds ids, int read, long validateMillis) {
    }

    /** Reads and validates; throws {@link ImportInvalidException} on refused lines unless they are skipped. */
    Checked check(String name, byte[] content, boolean skipInvalid) throws IOException {
        long start = System.nanoTime();
        CatalogFile file = CatalogFile.read(name, content);
        CatalogIds ids = CatalogIds.read(jdbc);
        CatalogValidation.Result result = new CatalogValidation(new DatabaseCatalog(jdbc, ids), turnaround).check(file);
        if (!result.errors().isEmpty() && !skipInvalid) {
            throw new ImportInvalidException(result.errors());
        }
        return new Checked(result.lines(), result.errors(), ids, file.size(), (System.nanoTime() - start) / 1_000_000);
    }

    ImportReport write(Checked checked, boolean dryRun, ImportProgress progress) {
        if (!running.tryLock()) {
            throw new ImportRunningException();
        }
        try {
            long start = System.nanoTime();
            SheetWrites writes = new SheetWrites(jdbc, transactions, progress, CHUNK);
            CatalogIds ids = dryRun ? checked.ids() : CatalogIds.read(jdbc);
            List<ImportCounts> counts = new CatalogWriter(jdbc, writes, events, dryRun).write(checked.lines(), ids,
                    new ScreeningWrites(jdbc, writes, events, turnaround), new AccountWrites(jdbc, writes, encoder,
                            clock));
            if (!dryRun) {
                announcements.publishEvent(new CatalogImported());
            }
            return new ImportReport(dryRun, checked.read(), checked.skipped(), counts, checked.validateMillis(),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            running.unlock();
        }
    }

    /** Another import is being written by this instance. */
    static final class ImportRunningException extends RuntimeException {
        ImportRunningException() {
            super("Another catalog import is being written; try again when it is done.");
        }
    }
}
