package dev.marquee.orderapi.catalog.imports;

/** Told as each sheet's rows are written, for the caller's progress bar. */
@FunctionalInterface
interface ImportProgress {

    void written(String sheet, int done, int total);

    ImportProgress NONE = (sheet, done, total) -> {
    };
}
