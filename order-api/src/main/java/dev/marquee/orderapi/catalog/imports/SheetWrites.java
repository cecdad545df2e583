package dev.marquee.orderapi.catalog.imports;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one sheet's planned rows in chunks, one transaction per chunk: a failure part-way leaves whole chunks
 * written, and running the import again writes only what is still missing (the upserts are by natural key).
 */
record SheetWrites(JdbcTemplate jdbc, TransactionTemplate transactions, ImportProgress progress, int chunk) {

    interface Chunk {
        void write(List<Upsert.Row> inserts, List<Upsert.Row> updates);
    }

    void run(Sheet sheet, Upsert.Plan plan, Chunk writer) {
        int total = plan.inserts().size() + plan.updates().size();
        int done = 0;
        for (int from = 0; from < plan.inserts().size(); from += chunk) {
            List<Upsert.Row> part = plan.inserts().subList(from, Math.min(from + chunk, plan.inserts().size()));
            transactions.executeWithoutResult(tx -> writer.write(part, List.of()));
            done += part.size();
            progress.written(sheet.label(), done, total);
        }
        for (int from = 0; from < plan.updates().size(); from += chunk) {
            List<Upsert.Row> part = plan.updates().subList(from, Math.min(from + chunk, plan.updates().size()));
            transactions.executeWithoutResult(tx -> writer.write(List.of(), part));
            done += part.size();
            progress.written(sheet.label(), done, total);
        }
    }
}
