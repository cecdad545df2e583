package dev.marquee.orderapi.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whose cinema, hall or screening it is: a caller acting for a merchant (staff) may change only that merchant's;
 * a platform-wide caller (admin, {@code actingFor} null) any. Another merchant's answers 403
 * {@code forbidden-merchant}; one that does not exist 404.
 */
@Component
class Ownership {

    private final JdbcClient jdbc;

    Ownership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The merchant of the cinema, once the caller may act for it. */
    long cinema(Long actingFor, long cinemaId) {
        long merchant = jdbc.sql("SELECT merchant_id FROM cinema WHERE id = ?").param(cinemaId).query(Long.class)
                .optional().orElseThrow(() -> CatalogRefusedException.unknown("cinema", cinemaId));
        return allowed(actingFor, merchant);
    }

    /** The hall's cinema and merchant, once the caller may act for it. */
    HallOwner hall(Long actingFor, long hallId) {
        HallOwner owner = jdbc.sql("SELECT h.id, h.cinema_id, c.merchant_id, h.current_layout FROM hall h"
                        + " JOIN cinema c ON c.id = h.cinema_id WHERE h.id = ?").param(hallId)
                .query((rs, n) -> new HallOwner(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)))
                .optional().orElseThrow(() -> CatalogRefusedException.unknown("hall", hallId));
        allowed(actingFor, owner.merchantId());
        return owner;
    }

    /** Platform-wide callers only (movies, merchants, licences are the platform's). */
    void platform(Long actingFor) {
        if (actingFor != null) {
            throw CatalogRefusedException.forbiddenMerchant();
        }
    }

    static long allowed(Long actingFor, long merchant) {
        if (actingFor != null && actingFor != merchant) {
            throw CatalogRefusedException.forbiddenMerchant();
        }
        return merchant;
    }

    record HallOwner(long hallId, long cinemaId, long merchantId, int currentLayout) {
    }
}
