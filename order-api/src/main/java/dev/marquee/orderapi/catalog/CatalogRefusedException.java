package dev.marquee.orderapi.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog change refused before anything was written, with its HTTP status, its stable {@code code} (README
 * lists them) and the details a client needs to put it right.
 */
public final class CatalogRefusedException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;

    private CatalogRefusedException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    static CatalogRefusedException overlap(long hallId, long otherScreening) {
        return new CatalogRefusedException(409, "screening-overlap", "Hall " + hallId + " already has screening "
                + otherScreening + " at that time (advertising and cleaning included).",
                Map.of("screeningId", otherScreening));
    }

    static CatalogRefusedException notLicensed(long cinemaId, long movieId) {
        return new CatalogRefusedException(422, "movie-not-licensed", "Cinema " + cinemaId
                + " holds no licence for movie " + movieId + ".", Map.of());
    }

    static CatalogRefusedException outsideLicence(String window) {
        return new CatalogRefusedException(422, "outside-licence", "The screening falls outside the licence window "
                + window + ".", Map.of("licence", window));
    }

    static CatalogRefusedException layoutInvalid(List<LayoutError> errors) {
        return new CatalogRefusedException(422, "layout-invalid", "The hall layout is invalid: " + errors.size()
                + " error(s).", Map.of("errors", errors));
    }

    static CatalogRefusedException priceMissing(Collection<String> seatTypes) {
        return new CatalogRefusedException(422, "price-missing", "The hall has seats of types " + seatTypes
                + " that have no price.", Map.of("seatTypes", List.copyOf(seatTypes)));
    }

    static CatalogRefusedException forbiddenMerchant() {
        return new CatalogRefusedException(403, "forbidden-merchant", "That belongs to another merchant.", Map.of());
    }

    static CatalogRefusedException screeningCancelled(long screeningId) {
        return new CatalogRefusedException(409, "screening-cancelled", "Screening " + screeningId
                + " is cancelled.", Map.of());
    }

    static CatalogRefusedException screeningStarted(long screeningId) {
        return new CatalogRefusedException(409, "screening-started", "Screening " + screeningId
                + " has started; it can no longer be changed.", Map.of());
    }

    static CatalogRefusedException screeningHasSales(long screeningId, int orders) {
        return new CatalogRefusedException(409, "screening-has-sales", "Screening " + screeningId + " has " + orders
                + " order(s) holding or owning seats; its time can no longer be moved (cancel it instead, which"
                + " refunds them). Prices can still change: they apply to new orders.", Map.of("orders", orders));
    }

    static CatalogRefusedException unknown(String kind, Object id) {
        return new CatalogRefusedException(404, "unknown-" + kind, "No " + kind + " " + id + ".", Map.of());
    }

    /** A request names a movie, hall or cinema that does not exist (422: the request, not its address, is wrong). */
    static CatalogRefusedException unknownReferenced(String kind, Object id) {
        return new CatalogRefusedException(422, "unknown-" + kind, "No " + kind + " " + id + ".", Map.of());
    }

    static CatalogRefusedException duplicate(String kind, String key) {
        return new CatalogRefusedException(409, kind + "-exists", "A " + kind + " " + key + " already exists.",
                Map.of());
    }

    /** A missing or malformed field: 400 {@code invalid-request} with {@code errors: [{field, reason}]}. */
    static CatalogRefusedException invalid(Map<String, String> reasonByField) {
        Map<String, String> ordered = new LinkedHashMap<>(reasonByField);
        return new CatalogRefusedException(400, "invalid-request", "The request is invalid: " + ordered + ".",
                Map.of("errors", ordered.entrySet().stream()
                        .map(e -> Map.of("field", e.getKey(), "reason", e.getValue())).toList()));
    }
}
