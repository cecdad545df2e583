package dev.marquee.orderapi.catalog.imports;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an import did: the lines read, the lines refused (with {@code --skip-invalid}; otherwise nothing was
 * written), and per sheet what was inserted, updated and left unchanged.
 */
record ImportReport(boolean dryRun, int lines, List<RowError> skipped, List<ImportCounts> sheets,
                    long validateMillis, long writeMillis) {

    /** Whether the catalog now differs from before: false on a second run of the same file. */
    @JsonProperty("changed")
    boolean changed() {
        return sheets.stream().anyMatch(s -> s.inserted() > 0 || s.updated() > 0);
    }
}
