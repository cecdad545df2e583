package dev.marquee.boxoffice.rebuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import dev.marquee.boxoffice.BoxOfficeTally;
import dev.marquee.boxoffice.persistence.BoxOfficeSchema;
import dev.marquee.boxoffice.persistence.FreshTables;
import dev.marquee.boxoffice.persistence.ProjectionStore;
import dev.marquee.boxoffice.persistence.ProjectionTables;
import dev.marquee.boxoffice.persistence.RebuildTables;
import dev.marquee.boxoffice.persistence.RebuildTables.CellComparison;
import dev.marquee.boxoffice.replay.OffsetRange;
import dev.marquee.boxoffice.replay.RankingsSink;
import dev.marquee.boxoffice.replay.Replay;
import dev.marquee.boxoffice.replay.ReplayReport;
import dev.marquee.boxoffice.replay.ReplaySource;
import dev.marquee.boxoffice.replay.ReplayWindow;
import dev.marquee.schemas.Topics;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilds the projection from offset 0 while the live one keeps answering queries: pauses the live consumer,
 * reads both topics from their beginning up to exactly the offsets the live tables were written up to (or to the
 * topics' ends), passing over the records the live projection set aside ({@link SetAsideRecords}), folds them in memory into a fresh {@link BoxOfficeTally} (about 250 bytes per order), writes
 * fresh tables in bulk ({@link FreshTables}), compares their cells with the live ones, swaps all three tables in
 * with one {@code RENAME TABLE} (if asked) and resumes the consumer, which goes on from the swapped-in offsets.
 * One rebuild at a time.
 */
public final class BoxOfficeRebuild {

    private static final Logger log = LoggerFactory.getLogger(BoxOfficeRebuild.class);

    private final JdbcTemplate jdbc;
    private final Replay replay;
    private final ReplaySource source;
    private final ZoneId zone;
    private final LiveConsumer live;
    private final ReentrantLock running = new ReentrantLock();

    public BoxOfficeRebuild(DataSource dataSource, ReplaySource source, ZoneId zone, LiveConsumer live) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.replay = new Replay(source);
        this.source = source;
        this.zone = zone;
        this.live = live;
    }

    /**
     * A rebuild outside the service, for when it is not running (a running one would write on while this reads):
     * migrates the tables if needed.
     */
    public static BoxOfficeRebuild standalone(DataSource dataSource, ReplaySource source, ZoneId zone) {
        BoxOfficeSchema.migrate(dataSource);
        return new BoxOfficeRebuild(dataSource, source, zone, LiveConsumer.none());
    }

    /** Where a rebuild reads to. */
    public enum UpTo {
        /** The offsets the live tables were written up to: the rebuilt figures must then equal the live ones. */
        LIVE_OFFSETS,
        /**
         * The end of both topics when the rebuild starts: for a projection that is behind or was never run (the
         * comparison then shows how far behind it was); swapped in, the live consumer goes on from those ends.
         */
        TOPIC_ENDS
    }

    /**
     * Rebuilds up to the live offsets.
     *
     * @param swap put the rebuilt tables in place of the live ones; else only compare them, then drop them
     * @throws RebuildRunningException if another rebuild is running
     */
    public RebuildReport rebuild(boolean swap) {
        return rebuild(UpTo.LIVE_OFFSETS, swap);
    }

    /**
     * @param swap put the rebuilt tables in place of the live ones; else only compare them, then drop them
     * @throws RebuildRunningException if another rebuild is running
     */
    public RebuildReport rebuild(UpTo upTo, boolean swap) {
        if (!running.tryLock()) {
            throw new RebuildRunningException();
        }
        try {
            live.pause();
            try {
                RebuildReport report = rebuildPaused(upTo, swap);
                log.info("Rebuild: {} events read in {} ms ({} events/s), tables written in {} ms, {} ms in all"
                                + " ({} events/s); {} cells, {} orders; {}; {}", report.events(),
                        report.readTime().toMillis(), Math.round(report.readEventsPerSecond()),
                        report.writeTime().toMillis(), report.wallTime().toMillis(),
                        Math.round(report.eventsPerSecond()), report.cells(), report.orders(),
                        report.equal() ? "equal to the live figures" : report.differingCells() + " cells differ from"
                                + " the live figures, first " + report.differences(),
                        report.swapped() ? "swapped in" : "not swapped in");
                return report;
            } finally {
                live.resume();
            }
        } finally {
            running.unlock();
        }
    }

    private RebuildReport rebuildPaused(UpTo upTo, boolean swap) {
        long start = System.nanoTime();
        Map<TopicPartition, Long> offsets = upTo == UpTo.LIVE_OFFSETS
                ? new ProjectionStore(jdbc, ProjectionTables.LIVE).offsets() : topicEnds();
        BoxOfficeTally tally = new BoxOfficeTally(zone);
        ReplayReport read = read(offsets, new RankingsSink(tally));
        long written = System.nanoTime();
        RebuildTables tables = new RebuildTables(jdbc);
        tables.prepare();
        new FreshTables(jdbc).fill(tally.cells(), tally.orders(), offsets);
        Duration writeTime = Duration.ofNanos(System.nanoTime() - written);
        CellComparison comparison = tables.compare();
        if (swap) {
            tables.swap();
        } else {
            tables.dropRebuild();
        }
        return new RebuildReport(read.events(), read.undecodable(), read.took(), writeTime,
                Duration.ofNanos(System.nanoTime() - start), tally.cellCount(), tally.orderCount(),
                comparison.equal(), comparison.differing(), comparison.listed(), swap);
    }

    private Map<TopicPartition, Long> topicEnds() {
        Map<TopicPartition, Long> ends = new HashMap<>();
        replay.resolve(ReplayWindow.all(Topics.ORDER_EVENTS, Topics.SEAT_EVENTS))
                .forEach((partition, range) -> ends.put(partition, range.to()));
        return ends;
    }

    /**
     * Every partition up to its offset, from offset 0 (or the first the log still holds); a partition without an
     * offset (never consumed) has nothing to read. The records the live projection set aside are passed over, as it
     * passed them over.
     */
    private ReplayReport read(Map<TopicPartition, Long> upTo, RankingsSink sink) {
        Map<TopicPartition, OffsetRange> ranges = new HashMap<>();
        upTo.forEach((partition, to) -> ranges.put(partition, new OffsetRange(0, to)));
        Set<SetAsideRecords.Origin> setAside = SetAsideRecords.read(source);
        try {
            return replay.run(ranges, sink, record -> !setAside.isEmpty()
                    && setAside.contains(SetAsideRecords.Origin.of(record)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
