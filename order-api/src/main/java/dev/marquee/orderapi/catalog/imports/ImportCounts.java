package dev.marquee.orderapi.catalog.imports;

/** What an import did (or, dry, would do) to one sheet's rows. */
record ImportCounts(String sheet, int inserted, int updated, int unchanged) {

    static ImportCounts of(Sheet sheet, Upsert.Plan plan) {
        return new ImportCounts(sheet.label(), plan.inserts().size(), plan.updates().size(), plan.unchanged());
    }
}
