package dev.marquee.orderapi.catalog;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The platform's merchants and their cinemas. */
@Service
public class MerchantDirectory {

    private final JdbcClient jdbc;
    private final Ownership ownership;
    private final CatalogEvents events;

    MerchantDirectory(JdbcClient jdbc, Ownership ownership, CatalogEvents events) {
        this.jdbc = jdbc;
        this.ownership = ownership;
        this.events = events;
    }

    public record Merchant(long id, String code, String name) {
    }

    @Transactional
    public Merchant createMerchant(Long actingFor, String code, String name) {
        ownership.platform(actingFor);
        new Fields().required("code", code).required("name", name)
                .check(code == null || code.length() <= 40, "code", "at most 40 characters").orRefuse();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO merchant (code, name) VALUES (?, ?)").params(code, name).update(key, "id");
        } catch (DuplicateKeyException e) {
            throw CatalogRefusedException.duplicate("merchant", code);
        }
        return new Merchant(key.getKey().longValue(), code, name);
    }

    public List<Merchant> merchants(Long actingFor) {
        return jdbc.sql("SELECT id, code, name FROM merchant WHERE ? IS NULL OR id = ? ORDER BY id")
                .params(actingFor, actingFor)
                .query((rs, n) -> new Merchant(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    @Transactional
    public long createCinema(Long actingFor, long merchantId, CinemaDetails cinema) {
        Ownership.allowed(actingFor, merchantId);
        cinema.validate();
        if (jdbc.sql("SELECT COUNT(*) FROM merchant WHERE id = ?").param(merchantId).query(Long.class).single() == 0) {
            throw CatalogRefusedException.unknown("merchant", merchantId);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO cinema (code, merchant_id, name, city, address, latitude, longitude)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(cinema.code(), merchantId, cinema.name(), cinema.city(), cinema.address(),
                            cinema.latitude(), cinema.longitude())
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            throw CatalogRefusedException.duplicate("cinema", cinema.code());
        }
        long cinemaId = key.getKey().longValue();
        events.cinemaChanged(cinemaId, merchantId, cinema.name(), cinema.city());
        return cinemaId;
    }

    @Transactional
    public void updateCinema(Long actingFor, long cinemaId, CinemaDetails cinema) {
        ownership.cinema(actingFor, cinemaId);
        cinema.validate();
        try {
            jdbc.sql("UPDATE cinema SET code = ?, name = ?, city = ?, address = ?, latitude = ?, longitude = ?"
                            + " WHERE id = ?")
                    .params(cinema.code(), cinema.name(), cinema.city(), cinema.address(), cinema.latitude(),
                            cinema.longitude(), cinemaId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw CatalogRefusedException.duplicate("cinema", cinema.code());
        }
        long merchantId = jdbc.sql("SELECT merchant_id FROM cinema WHERE id = ?").param(cinemaId).query(Long.class)
                .single();
        events.cinemaChanged(cinemaId, merchantId, cinema.name(), cinema.city());
    }
}
