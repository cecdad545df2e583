package dev.marquee.launcher.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One step of the steady bench: its offered rate and what happened to the orders sent during it. Latencies are in
 * microseconds from each order's intended send time (so a queue at the sender counts), recorded when they come, also
 * after the step ended.
 */
final class SteadyStep {

    private static final long MAX_MICROS = 3_600_000_000L;

    final String name;
    final double offered;
    final double seconds;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    final AtomicLong held = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong decidedDuringStep = new AtomicLong();
    final AtomicLong paying = new AtomicLong();
    final AtomicLong abandoned = new AtomicLong();
    final Histogram toHeld = new ConcurrentHistogram(MAX_MICROS, 3);
    final Histogram toPaid = new ConcurrentHistogram(MAX_MICROS, 3);
    Map<String, Double> cpu = new LinkedHashMap<>();
    /** The largest of the threads in cpu's "other", by name. */
    Map<String, Double> otherThreads = new LinkedHashMap<>();
    /** MariaDB's counters over the step per order decided in it ({@link DbCounters}); empty if not read. */
    Map<String, Double> dbPerOrder = new LinkedHashMap<>();
    long gcMillis;
    long jitMillis;

    SteadyStep(String name, double offered, double seconds) {
        this.name = name;
        this.offered = offered;
        this.seconds = seconds;
    }

    void error(String kind) {
        errors.incrementAndGet();
        errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** Orders the allocator answered while the step ran, per second. */
    double achieved() {
        return decidedDuringStep.get() / seconds;
    }

    static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    static void record(Histogram h, long nanos) {
        h.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
    }

    Map<String, Object> figures() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("step", name);
        f.put("offeredPerSecond", offered);
        f.put("achievedPerSecond", round(achieved()));
        f.put("sent", sent.get());
        f.put("accepted", accepted.get());
        f.put("refused", refused.get());
        f.put("errors", errors.get());
        Map<String, Long> kinds = new LinkedHashMap<>();
        errorKinds.forEach((k, v) -> kinds.put(k, v.get()));
        f.put("errorKinds", kinds);
        f.put("held", held.get());
        f.put("rejected", rejected.get());
        f.put("abandoned", abandoned.get());
        f.put("heldP50Ms", round(millis(toHeld, 50)));
        f.put("heldP99Ms", round(millis(toHeld, 99)));
        f.put("heldP999Ms", round(millis(toHeld, 99.9)));
        f.put("paid", toPaid.getTotalCount());
        f.put("paidP50Ms", round(millis(toPaid, 50)));
        f.put("paidP99Ms", round(millis(toPaid, 99)));
        f.put("paidP999Ms", round(millis(toPaid, 99.9)));
        f.put("gcMs", gcMillis);
        f.put("jitMs", jitMillis);
        Map<String, Double> cores = new LinkedHashMap<>();
        cpu.forEach((k, v) -> cores.put(k, round(v)));
        f.put("cpuPercentOfOneCore", cores);
        Map<String, Double> other = new LinkedHashMap<>();
        otherThreads.forEach((k, v) -> other.put(k, round(v)));
        f.put("otherThreads", other);
        Map<String, Double> db = new LinkedHashMap<>();
        dbPerOrder.forEach((k, v) -> db.put(k, Math.round(v * 100) / 100.0));
        f.put("dbPerOrder", db);
        return f;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
