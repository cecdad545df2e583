package dev.marquee.orderapi.catalog.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.orderapi.OrderApiApplication;
import dev.marquee.orderapi.catalog.CinemaDetails;
import dev.marquee.orderapi.catalog.MerchantDirectory;
import dev.marquee.stack.EmbeddedStack;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catalog rows written by SQL (no event ever written for them) are published once when order-api starts, even
 * when two instances start at the same moment, and never again: not by a restart, nor after a change published
 * through the catalog's own path.
 */
class CatalogBackfillIT {

    private final EmbeddedStack stack = EmbeddedStack.shared();

    @Test
    void twoInstancesStartingTogetherPublishEachUnpublishedRowOnce() throws Exception {
        Flyway.configure().dataSource(stack.jdbcUrl(), stack.credentials().appUser(), stack.credentials().appPassword())
                .locations("classpath:db/order-api").table("flyway_history_order_api").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        HikariDataSource db = stack.appDataSource(2);
        stack.closeFirst(db);
        JdbcClient jdbc = JdbcClient.create(db);
        long id = 700_000 + ThreadLocalRandom.current().nextInt(100_000) * 10L;
        seedBySql(jdbc, id);

        CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(this::start);
        CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(this::start);
        ConfigurableApplicationContext first = a.get();
        b.get();

        Map<String, Long> expected = Map.of("CinemaChanged", 1L, "MovieChanged", 1L, "LicenceGranted", 1L,
                "HallLayoutPublished", 2L, "ScreeningScheduled", 1L);
        assertThat(events(jdbc, id)).isEqualTo(expected);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE type = 'ScreeningScheduled' AND aggregateid = ?")
                .param(Long.toString(id + 2)).query(Long.class).single())
                .as("the cancelled screening and the one not yet on sale are not published").isEqualTo(1);

        CatalogBackfill backfill = first.getBean(CatalogBackfill.class);
        assertThat(backfill.publishUnpublished().total()).as("a second pass finds nothing").isZero();
        first.getBean(MerchantDirectory.class).createCinema(null, id, new CinemaDetails("bf-new-" + id, "Published",
                "Xi'an", "1 Road", BigDecimal.ONE, BigDecimal.ONE));
        assertThat(backfill.publishUnpublished().total()).as("a cinema published when created").isZero();
        assertThat(events(jdbc, id)).isEqualTo(expected);
    }

    /** A merchant, a cinema, a movie, a licence, a hall with two layout versions and three screenings. */
    private static void seedBySql(JdbcClient jdbc, long id) {
        jdbc.sql("INSERT INTO merchant (id, code, name) VALUES (?, ?, 'Backfill')").params(id, "bf-" + id).update();
        jdbc.sql("INSERT INTO cinema (id, code, merchant_id, name, city, address) VALUES (?, ?, ?, 'Backfill Odeon',"
                + " 'Chengdu', '1 Road')").params(id, "bf-" + id, id).update();
        jdbc.sql("INSERT INTO movie (id, code, title, original_title, director, cast_list, genres, country, language,"
                + " duration_minutes, format, opening_day, poster_url) VALUES (?, ?, 'Backfilled', 'Backfilled', 'D',"
                + " 'C', 'Drama', 'China', 'Mandarin', 100, '2D', CURRENT_DATE, 'https://p/x.jpg')")
                .params(id, "bf-" + id).update();
        jdbc.sql("INSERT INTO licence (cinema_id, movie_id, valid_from, valid_to) VALUES (?, ?, CURRENT_DATE,"
                + " CURRENT_DATE + INTERVAL 30 DAY)").params(id, id).update();
        long hall = id + 2;
        jdbc.sql("INSERT INTO hall (id, cinema_id, name, current_layout) VALUES (?, ?, 'Hall 1', 2)")
                .params(hall, id).update();
        for (int version = 1; version <= 2; version++) {
            for (int col = 1; col <= 3; col++) {
                jdbc.sql("INSERT INTO hall_seat (hall_id, layout_version, label, row_label, grid_row, grid_col,"
                        + " seat_type) VALUES (?, ?, ?, 'A', 1, ?, 'STANDARD')")
                        .params(hall, version, "A" + col, col).update();
            }
        }
        for (String status : List.of("ON_SALE", "SCHEDULED", "CANCELLED")) {
            long screening = id + 3 + List.of("ON_SALE", "SCHEDULED", "CANCELLED").indexOf(status);
            int day = (int) (screening - id);
            jdbc.sql("INSERT INTO screening (id, movie_id, hall_id, starts_at, ends_at, currency, layout_version,"
                    + " status) VALUES (?, ?, ?, CURRENT_DATE + INTERVAL ? DAY, CURRENT_DATE + INTERVAL ? DAY"
                    + " + INTERVAL 2 HOUR, 'CNY', 2, ?)").params(screening, id, hall, day, day, status).update();
            jdbc.sql("INSERT INTO screening_price (screening_id, seat_type, amount_minor) VALUES (?, 'STANDARD', 5000)")
                    .param(screening).update();
        }
    }

    /** The outbox's catalog events about this test's rows, by type (keys: cinema and movie id, hall id). */
    private static Map<String, Long> events(JdbcClient jdbc, long id) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT type, COUNT(*) FROM outbox WHERE topic = 'catalog-events' AND aggregateid IN (?, ?)"
                + " AND (type <> 'CinemaChanged' OR aggregateid = ?) GROUP BY type")
                .params(Long.toString(id), Long.toString(id + 2), Long.toString(id))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private ConfigurableApplicationContext start() {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        ConfigurableApplicationContext app = OrderApiApplication.application().registerShutdownHook(false)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        stack.closeFirst(app);
        return app;
    }
}
