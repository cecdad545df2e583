package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import dev.marquee.boxoffice.DayWindow;
import dev.marquee.boxoffice.RankingQuery;
import dev.marquee.boxoffice.rebuild.BoxOfficeRebuild;
import dev.marquee.boxoffice.rebuild.RebuildReport;
import dev.marquee.boxoffice.replay.RankingsSink;
import dev.marquee.boxoffice.replay.Replay;
import dev.marquee.boxoffice.replay.ReplayReport;
import dev.marquee.boxoffice.replay.ReplaySource;
import dev.marquee.boxoffice.replay.ReplayWindow;
import dev.marquee.events.OrderPaid;
import dev.marquee.events.RefundCompleted;
import dev.marquee.events.TicketsIssued;
import dev.marquee.schemas.Topics;
import dev.marquee.schemas.serde.ConfluentAvroSerializer;
import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Produces a week of sales straight onto the event topics (what the pipeline would have written), then rebuilds the
 * projection from offset 0 and replays the topics into rankings, and compares both with what was produced.
 */
final class ReplayRun {

    private static final long PRICE = 6000;
    private static final Instant WEEK_START = Instant.parse("2026-11-14T00:00:00Z");

    private final EmbeddedStack stack;
    private final SalesPlan plan;
    private final ZoneId zone;
    private final PrintStream out;
    /** movie id → {revenue, tickets} as produced. */
    private final Map<Long, long[]> expected = new HashMap<>();

    ReplayRun(EmbeddedStack stack, SalesPlan plan, ZoneId zone, PrintStream out) {
        this.stack = stack;
        this.plan = plan;
        this.zone = zone;
        this.out = out;
    }

    ReplayReportLine run() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.ORDER_EVENTS, 6, (short) 1),
                    new NewTopic(Topics.SEAT_EVENTS, 6, (short) 1))).all().get();
        }
        long begin = System.nanoTime();
        long produced = produce();
        Duration producing = Duration.ofNanos(System.nanoTime() - begin);
        out.printf("bench: produced %d events in %.1f s; rebuilding the projection from offset 0%n", produced,
                producing.toMillis() / 1000.0);
        ReplaySource source = new ReplaySource(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl());
        DriverManagerDataSource db = new DriverManagerDataSource(stack.jdbcUrl(), stack.credentials().appUser(),
                stack.credentials().appPassword());
        RebuildReport rebuild = BoxOfficeRebuild.standalone(db, source, zone)
                .rebuild(BoxOfficeRebuild.UpTo.TOPIC_ENDS, true);
        out.printf("bench: rebuilt in %.1f s; replaying the topics into rankings%n", rebuild.wallTime().toMillis() / 1000.0);
        RankingsSink rankings = new RankingsSink(zone);
        ReplayReport replay = new Replay(source).run(ReplayWindow.all(Topics.ORDER_EVENTS, Topics.SEAT_EVENTS), rankings);
        Map<Long, long[]> replayed = new HashMap<>();
        rankings.ranking(RankingQuery.top(RankingQuery.MAX_LIMIT, DayWindow.all())).movies()
                .forEach(m -> replayed.put(m.movieId(), new long[] {m.revenueMinor(), m.tickets()}));
        return new ReplayReportLine(plan, produced, producing, rebuild, replay, mismatches(rebuiltCells(db)),
                mismatches(replayed));
    }

    private long produce() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put("schema.registry.url", stack.schemaRegistryUrl());
        config.put("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
        Random random = new Random(plan.seed());
        long events = 0;
        long weekMillis = Duration.ofDays(7).toMillis();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config)) {
            for (long sale = 0; events < plan.events(); sale++) {
                String order = "bench-" + sale;
                long movie = 1 + (long) Math.min(plan.movies() - 1, Math.abs(random.nextGaussian()) * plan.movies() / 3);
                long cinema = 1 + random.nextInt(plan.cinemas());
                int seats = 1 + random.nextInt(4);
                Instant at = WEEK_START.plusMillis((long) (random.nextDouble() * weekMillis));
                String trade = "T" + sale;
                long amount = seats * PRICE;
                producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, order, OrderPaid.newBuilder()
                        .setEventId(order + "-paid").setOccurredAt(at).setOrderId(order).setTradeNo(trade)
                        .setAmountMinor(amount).setCurrency("CNY").setMovieId(movie).setCinemaId(cinema)
                        .setScreeningId(movie * 1000 + cinema).setGateway("alipay").setRetaken(false)
                        .setPaymentId(order + "-pay").build()));
                producer.send(new ProducerRecord<>(Topics.SEAT_EVENTS, order, TicketsIssued.newBuilder()
                        .setEventId(order + "-tickets").setOccurredAt(at).setOrderId(order)
                        .setScreeningId(movie * 1000 + cinema).setHallId(cinema).setMovieId(movie).setCinemaId(cinema)
                        .setSeats(seatLabels(seats)).setAmountMinor(amount).setCurrency("CNY").setFencingToken(1)
                        .build()));
                events += 2;
                long[] figures = expected.computeIfAbsent(movie, m -> new long[2]);
                if (random.nextDouble() < plan.refunds()) {
                    producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, order, RefundCompleted.newBuilder()
                            .setEventId(order + "-refund").setOccurredAt(at.plusSeconds(600)).setOrderId(order)
                            .setPaymentId(order + "-pay").setRefundId(order + "-refund").setGateway("alipay")
                            .setTradeNo(trade).setAmountMinor(amount).setCurrency("CNY").build()));
                    events++;
                } else {
                    figures[0] += amount;
                    figures[1] += seats;
                }
            }
            producer.flush();
        }
        return events;
    }

    private static final List<List<String>> SEATS = List.of(List.of("A1"), List.of("A1", "A2"),
            List.of("A1", "A2", "A3"), List.of("A1", "A2", "A3", "A4"));

    private static List<String> seatLabels(int seats) {
        return SEATS.get(seats - 1);
    }

    private static Map<Long, long[]> rebuiltCells(DriverManagerDataSource db) throws Exception {
        Map<Long, long[]> cells = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT movie_id, SUM(revenue_minor), SUM(tickets) FROM box_office_cell GROUP BY movie_id")) {
            while (rs.next()) {
                cells.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return cells;
    }

    /** Movies whose revenue or tickets differ from what was produced (movies with nothing left count as zero). */
    private long mismatches(Map<Long, long[]> actual) {
        long differing = 0;
        for (long movie = 1; movie <= plan.movies(); movie++) {
            long[] want = expected.getOrDefault(movie, new long[2]);
            long[] got = actual.getOrDefault(movie, new long[2]);
            if (want[0] != got[0] || want[1] != got[1]) {
                differing++;
            }
        }
        return differing;
    }
}
