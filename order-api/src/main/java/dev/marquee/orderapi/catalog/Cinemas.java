package dev.marquee.orderapi.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cinemas as browsed, read from {@code cinema}. */
@Component
class Cinemas {

    /** The columns of {@code cinema c} that {@link #cinema} reads, named so that they survive a join. */
    static final String COLUMNS = "c.id AS cinema_id, c.merchant_id AS cinema_merchant_id, c.name AS cinema_name,"
            + " c.city AS cinema_city, c.address AS cinema_address, c.code AS cinema_code,"
            + " c.latitude AS cinema_latitude, c.longitude AS cinema_longitude";

    private final JdbcClient jdbc;

    Cinemas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Cinema> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cinema c").query(Cinemas::cinema).list();
    }

    static Cinema cinema(ResultSet rs, int n) throws SQLException {
        return new Cinema(rs.getLong("cinema_id"), rs.getLong("cinema_merchant_id"), rs.getString("cinema_name"),
                rs.getString("cinema_city"), rs.getString("cinema_address"), rs.getString("cinema_code"),
                rs.getBigDecimal("cinema_latitude"), rs.getBigDecimal("cinema_longitude"));
    }
}
