package dev.marquee.boxoffice;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * box-office: revenue and tickets per movie, per day, cinema and city, projected exactly once from
 * {@code order-events} and {@code seat-events} (offsets stored with the figures); rankings and per-movie series
 * over HTTP; a rebuild from offset 0 into fresh tables swapped in atomically ({@code POST /api/box-office/admin/rebuild}
 * or {@link dev.marquee.boxoffice.rebuild.BoxOfficeRebuild}); and, for analysts, {@link dev.marquee.boxoffice.replay.Replay}
 * of any window of events to CSV, JSON lines or rankings.
 */
@SpringBootApplication
public class BoxOfficeApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(BoxOfficeApplication.class).properties("spring.config.name=box-office");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
