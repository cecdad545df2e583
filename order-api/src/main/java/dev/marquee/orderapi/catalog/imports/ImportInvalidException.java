package dev.marquee.orderapi.catalog.imports;

import java.util.List;

/** The file has lines that cannot be imported, and the caller did not ask to skip them: nothing was written. */
final class ImportInvalidException extends RuntimeException {

    private final List<RowError> errors;

    ImportInvalidException(List<RowError> errors) {
        super(errors.size() + " line(s) cannot be imported; nothing was written. The first: " + errors.getFirst());
        this.errors = List.copyOf(errors);
    }

    List<RowError> errors() {
        return errors;
    }
}
