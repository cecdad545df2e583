package dev.marquee.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import dev.marquee.boxoffice.replay.CsvSink;
import dev.marquee.boxoffice.replay.JsonLinesSink;
import dev.marquee.boxoffice.replay.RankingsSink;
import dev.marquee.boxoffice.replay.Replay;
import dev.marquee.boxoffice.replay.ReplayReport;
import dev.marquee.boxoffice.replay.ReplaySource;
import dev.marquee.boxoffice.replay.ReplayWindow;
import dev.marquee.events.OrderPaid;
import dev.marquee.events.TicketsIssued;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysts' replay on the embedded stack, on a topic of its own: windows by offset and by time give exactly
 * the records written in them, as CSV, JSON lines or rankings, and no consumer group is ever joined.
 */
class ReplayIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static TestStack stack;
    static Admin admin;
    static Replay replay;
    static String topic;
    /** Every record written, in order: 30 before the window, 41 in it (one of them not Avro), 30 after. */
    static final List<Written> written = new ArrayList<>();
    static long windowStart;
    static long windowEnd;

    record Written(String key, SpecificRecord event, long timestamp, RecordMetadata at) {
    }

    @BeforeAll
    static void produce() throws Exception {
        stack = new TestStack();
        admin = Admin.create(Map.of("bootstrap.servers", stack.stack.kafkaBootstrapServers()));
        topic = "replay-it-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        replay = new Replay(new ReplaySource(stack.stack.kafkaBootstrapServers(), stack.stack.schemaRegistryUrl()));
        long base = System.currentTimeMillis() - 600_000;
        windowStart = base + 10_000;
        windowEnd = base + 20_000;
        for (int i = 0; i < 100; i++) {
            long timestamp = i < 30 ? base + i : i < 70 ? windowStart + (i - 30) * 100 : windowEnd + i;
            String order = "replay-" + i;
            Instant at = LocalDate.of(2026, 6, 1).atTime(12, 0).atZone(SHANGHAI).toInstant().plusSeconds(i);
            SpecificRecord event = i % 2 == 0
                    ? Events.orderPaid(order, "T-" + order, 7000 + i % 3, 1, 1_000 + i, at)
                    : Events.ticketsIssued("replay-" + (i - 1), 7000 + (i - 1) % 3, 1, 1 + i % 4, 0, at);
            written.add(new Written(event instanceof OrderPaid ? order : "replay-" + (i - 1), event, timestamp, null));
            if (i == 50) {
                written.add(new Written("garbage", null, timestamp, null));
            }
        }
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.stack.kafkaBootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < written.size(); i++) {
                Written w = written.get(i);
                RecordMetadata at = w.event() == null
                        ? raw.send(new ProducerRecord<>(topic, 0, w.timestamp(), w.key(), "not avro".getBytes())).get()
                        : stack.producer.send(new ProducerRecord<>(topic, null, w.timestamp(), w.key(), w.event())).get();
                written.set(i, new Written(w.key(), w.event(), w.timestamp(), at));
            }
        }
    }

    @AfterAll
    static void stop() {
        admin.close();
        stack.close();
    }

    @Test
    void aTimeWindowAsCsvHoldsExactlyTheRecordsWrittenInIt() throws Exception {
        StringWriter csv = new StringWriter();

        ReplayReport report = replay.run(ReplayWindow.times(Instant.ofEpochMilli(windowStart),
                Instant.ofEpochMilli(windowEnd), topic), new CsvSink(csv));

        List<Written> expected = written.stream()
                .filter(w -> w.timestamp() >= windowStart && w.timestamp() < windowEnd).toList();
        assertThat(expected).hasSize(41);
        List<List<String>> rows = Csv.parse(csv.toString());
        assertThat(rows.getFirst()).containsExactly("topic", "partition", "offset", "timestamp", "key", "type", "event");
        assertThat(rows.subList(1, rows.size())).hasSize(expected.size());
        assertThat(report.events()).isEqualTo(expected.size());
        assertThat(report.undecodable()).isEqualTo(1);
        Map<String, List<String>> byPosition = rows.subList(1, rows.size()).stream()
                .collect(Collectors.toMap(r -> r.get(1) + "@" + r.get(2), r -> r));
        for (Written w : expected) {
            List<String> row = byPosition.get(w.at().partition() + "@" + w.at().offset());
            assertThat(row).as("row of %s", w).isNotNull();
            assertThat(row.subList(0, 5)).containsExactly(topic, String.valueOf(w.at().partition()),
                    String.valueOf(w.at().offset()), Instant.ofEpochMilli(w.timestamp()).toString(), w.key());
            assertEvent(row.get(5), JSON.readTree(row.get(6)), w);
        }
    }

    @Test
    void anOffsetWindowAsJsonLinesHoldsExactlyItsRecords() throws Exception {
        StringWriter lines = new StringWriter();

        replay.run(ReplayWindow.offsets(topic, 1, 3, 9), new JsonLinesSink(lines));

        List<Written> expected = written.stream()
                .filter(w -> w.at().partition() == 1 && w.at().offset() >= 3 && w.at().offset() < 9).toList();
        assertThat(expected).hasSize(6);
        List<JsonNode> parsed = lines.toString().lines().map(JSON::readTree).toList();
        assertThat(parsed).hasSize(6);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode line = parsed.get(i);
            Written w = expected.get(i);
            assertThat(line.get("topic").asString()).isEqualTo(topic);
            assertThat(line.get("partition").asInt()).isEqualTo(1);
            assertThat(line.get("offset").asLong()).isEqualTo(w.at().offset());
            assertThat(line.get("timestamp").asString()).isEqualTo(Instant.ofEpochMilli(w.timestamp()).toString());
            assertThat(line.get("key").asString()).isEqualTo(w.key());
            assertEvent(line.get("type").asString(), line.get("event"), w);
        }
    }

    @Test
    void theRankingsOfAWindowAreThoseOfItsSales() throws Exception {
        RankingsSink rankings = new RankingsSink(SHANGHAI);

        replay.run(ReplayWindow.times(Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd), topic),
                rankings);

        Map<Long, Long> revenue = new TreeMap<>();
        written.stream().filter(w -> w.timestamp() >= windowStart && w.timestamp() < windowEnd)
                .filter(w -> w.event() instanceof OrderPaid)
                .map(w -> (OrderPaid) w.event())
                .forEach(p -> revenue.merge(p.getMovieId(), p.getAmountMinor(), Long::sum));
        Ranking ranking = rankings.ranking(RankingQuery.top(10, DayWindow.all()));
        assertThat(ranking.movies()).extracting(RankedMovie::movieId, RankedMovie::revenueMinor)
                .containsExactlyInAnyOrderElementsOf(revenue.entrySet().stream()
                        .map(e -> tuple(e.getKey(), e.getValue())).toList());
        assertThat(ranking.totalRevenueMinor()).isEqualTo(revenue.values().stream().mapToLong(Long::longValue).sum());

        RankingsSink decodedInFull = new RankingsSink(SHANGHAI);
        replay.run(ReplayWindow.times(Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd), topic),
                decodedInFull::accept);
        assertThat(decodedInFull.tally().cells()).isNotEmpty().isEqualTo(rankings.tally().cells());
        assertThat(decodedInFull.saleEvents()).isEqualTo(rankings.saleEvents());
    }

    @Test
    void aReplayJoinsNoConsumerGroup() throws Exception {
        Set<String> before = groups();

        replay.run(ReplayWindow.all(topic), new CsvSink(new StringWriter()));

        assertThat(groups()).isEqualTo(before);
    }

    private static Set<String> groups() throws ExecutionException, InterruptedException {
        return admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .collect(Collectors.toSet());
    }

    private static void assertEvent(String type, JsonNode event, Written w) {
        if (w.event() == null) {
            assertThat(type).isNullOrEmpty();
            assertThat(event.get("error").asString()).contains("magic byte");
            return;
        }
        assertThat(type).isEqualTo(w.event().getSchema().getName());
        assertThat(event.get("eventId").asString()).isEqualTo(w.event().get(0).toString());
        assertThat(event.get("orderId").asString()).isEqualTo(w.event().get(2).toString());
        assertThat(event.get("occurredAt").asString()).isEqualTo(w.event().get(1).toString());
        if (w.event() instanceof OrderPaid paid) {
            assertThat(event.get("amountMinor").asLong()).isEqualTo(paid.getAmountMinor());
            assertThat(event.get("currency").asString()).isEqualTo(paid.getCurrency());
        } else {
            TicketsIssued tickets = (TicketsIssued) w.event();
            assertThat(event.get("seats")).extracting(JsonNode::asString).containsExactlyElementsOf(tickets.getSeats());
        }
    }
}
