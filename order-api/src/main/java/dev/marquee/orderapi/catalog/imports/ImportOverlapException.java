package dev.marquee.orderapi.catalog.imports;

import java.time.LocalDateTime;

/**
 * A screening of the file overlaps one scheduled in its hall after the file was validated (by staff, while the
 * import was being written): its chunk is not written. Chunks written before stay; the import is idempotent, so
 * running it again after moving the screening writes the rest.
 */
final class ImportOverlapException extends RuntimeException {

    ImportOverlapException(long hallId, LocalDateTime startsAt, long otherScreening) {
        super("screening-overlap: the screening of hall " + hallId + " at " + startsAt + " overlaps screening "
                + otherScreening + ", scheduled while the import was written; its chunk was not written");
    }
}
