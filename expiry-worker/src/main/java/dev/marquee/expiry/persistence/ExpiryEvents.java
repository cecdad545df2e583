package dev.marquee.expiry.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.marquee.expiry.EventOutbox;
import dev.marquee.expiry.ExpiryEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code expiry_event} table: the expiry worker's outbox. */
public class ExpiryEvents implements EventOutbox {

    private static final String COLUMNS = "event_id, type, order_id, screening_id, hall_id, seats, fencing_token,"
            + " previous_deadline, hold_deadline, occurred_at";

    /** Unpublished, not set aside, and of a type this version sends. */
    private static final String PENDING = " published_at IS NULL AND failed_at IS NULL"
            + " AND type IN ('SeatsReleased', 'OrderExpired', 'HoldExtended')";
    private static final int FAILURE_LENGTH = 255;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public ExpiryEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<ExpiryEvent> events) {
        jdbc.batchUpdate("INSERT INTO expiry_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                events.stream().map(Row::of).toList(), 500, (ps, row) -> {
                    ps.setString(1, row.eventId());
                    ps.setString(2, row.type());
                    ps.setString(3, row.orderId());
                    ps.setLong(4, row.screeningId());
                    ps.setLong(5, row.hallId());
                    ps.setString(6, String.join(",", row.seats()));
                    ps.setLong(7, row.fencingToken());
                    ps.setTimestamp(8, timestamp(row.previousDeadline()));
                    ps.setTimestamp(9, timestamp(row.holdDeadline()));
                    ps.setTimestamp(10, timestamp(row.occurredAt()));
                });
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ExpiryEvent> lockUnpublished(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT " + COLUMNS + " FROM expiry_event WHERE event_id IN (:ids) AND" + PENDING
                        + " FOR UPDATE SKIP LOCKED", Map.of("ids", eventIds), ExpiryEvents::event)
                .stream().sorted(Comparator.comparing(ExpiryEvent::occurredAt)).toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ExpiryEvent> lockUnpublished(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM expiry_event WHERE" + PENDING
                + " ORDER BY occurred_at LIMIT ? FOR UPDATE SKIP LOCKED", ExpiryEvents::event, limit);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void markPublished(Collection<String> eventIds, Instant at) {
        named.update("UPDATE expiry_event SET published_at = :at WHERE event_id IN (:ids)",
                Map.of("at", timestamp(at), "ids", eventIds));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void markFailed(String eventId, String cause, Instant at) {
        String failure = cause.length() <= FAILURE_LENGTH ? cause : cause.substring(0, FAILURE_LENGTH - 1) + "…";
        jdbc.update("UPDATE expiry_event SET failed_at = ?, failure = ? WHERE event_id = ?", timestamp(at), failure,
                eventId);
    }

    @Override
    public int purgePublished(Instant before) {
        return jdbc.update("DELETE FROM expiry_event WHERE published_at < ? LIMIT 5000", timestamp(before));
    }

    private static ExpiryEvent event(ResultSet rs, int n) throws SQLException {
        String seats = rs.getString("seats");
        return new Row(rs.getString("event_id"), rs.getString("type"), rs.getString("order_id"),
                rs.getLong("screening_id"), rs.getLong("hall_id"),
                seats.isEmpty() ? List.of() : List.of(seats.split(",")), rs.getLong("fencing_token"),
                instant(rs.getTimestamp("previous_deadline")), instant(rs.getTimestamp("hold_deadline")),
                instant(rs.getTimestamp("occurred_at"))).event();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** An event as a row of the table: the fields of every type, those a type lacks null or empty. */
    private record Row(String eventId, String type, String orderId, long screeningId, long hallId,
                       List<String> seats, long fencingToken, Instant previousDeadline, Instant holdDeadline,
                       Instant occurredAt) {

        static Row of(ExpiryEvent event) {
            return switch (event) {
                case ExpiryEvent.SeatsReleased e -> new Row(e.eventId(), "SeatsReleased", e.orderId(), e.screeningId(),
                        e.hallId(), e.seats(), e.fencingToken(), null, null, e.occurredAt());
                case ExpiryEvent.OrderExpired e -> new Row(e.eventId(), "OrderExpired", e.orderId(), 0, 0, List.of(),
                        0, null, null, e.occurredAt());
                case ExpiryEvent.HoldExtended e -> new Row(e.eventId(), "HoldExtended", e.orderId(), e.screeningId(),
                        e.hallId(), e.seats(), e.fencingToken(), e.previousDeadline(), e.holdDeadline(),
                        e.occurredAt());
            };
        }

        ExpiryEvent event() {
            return switch (type) {
                case "SeatsReleased" -> new ExpiryEvent.SeatsReleased(eventId, occurredAt, orderId, screeningId,
                        hallId, seats, fencingToken);
                case "OrderExpired" -> new ExpiryEvent.OrderExpired(eventId, occurredAt, orderId);
                case "HoldExtended" -> new ExpiryEvent.HoldExtended(eventId, occurredAt, orderId, screeningId, hallId,
                        seats, previousDeadline, holdDeadline, fencingToken);
                default -> throw new IllegalStateException("expiry_event " + eventId + " has unknown type " + type);
            };
        }
    }
}
