package dev.marquee.orderapi.catalog.imports;

import java.util.List;

/** The file has lines that cannot be imported, and the caller did not ask to skip them: nothing was written. */
final class ImportInvalidException extends RuntimeException {

    private final List<RowError> errors;

    ImportInvalidException(List<RowError> errors) {
        super(lines(errors) + " line(s) cannot be imported; nothing was written. The first: " + errors.getFirst());
        this.errors = List.copyOf(errors);
    }

    static long lines(List<RowError> errors) {
        return errors.stream().map(e -> e.sheet() + "\u0000" + e.line()).distinct().count();
    }

    List<RowError> errors() {
        return errors;
    }
}
