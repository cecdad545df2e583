package dev.marquee.orderapi.catalog.imports;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ids of what the catalog holds, by natural key: merchants, cinemas and movies by code, halls by cinema code and
 * name (with their current layout). Re-read after each sheet is written, so the next sheet finds new rows' ids.
 */
final class CatalogIds {

    record HallId(long id, long cinemaId, long merchantId, int currentLayout) {
    }

    final Map<String, Long> merchants = new HashMap<>();
    final Map<String, Long> cinemas = new HashMap<>();
    final Map<Long, Long> merchantOfCinema = new HashMap<>();
    final Map<String, Long> movies = new HashMap<>();
    final Map<String, Integer> durations = new HashMap<>();
    final Map<String, HallId> halls = new HashMap<>();

    static CatalogIds read(JdbcTemplate jdbc) {
        CatalogIds ids = new CatalogIds();
        jdbc.query("SELECT code, id FROM merchant", rs -> {
            ids.merchants.put(rs.getString(1), rs.getLong(2));
        });
        jdbc.query("SELECT code, id, merchant_id FROM cinema", rs -> {
            ids.cinemas.put(rs.getString(1), rs.getLong(2));
            ids.merchantOfCinema.put(rs.getLong(2), rs.getLong(3));
        });
        jdbc.query("SELECT code, id, duration_minutes FROM movie", rs -> {
            ids.movies.put(rs.getString(1), rs.getLong(2));
            ids.durations.put(rs.getString(1), rs.getInt(3));
        });
        jdbc.query("SELECT c.code, h.name, h.id, h.cinema_id, c.merchant_id, h.current_layout FROM hall h"
                        + " JOIN cinema c ON c.id = h.cinema_id", rs -> {
                    ids.halls.put(hallKey(rs.getString(1), rs.getString(2)),
                            new HallId(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getInt(6)));
                });
        return ids;
    }

    static String hallKey(String cinema, String hall) {
        return cinema + "\u0000" + hall;
    }

    HallId hall(String cinema, String hall) {
        return halls.get(hallKey(cinema, hall));
    }
}
