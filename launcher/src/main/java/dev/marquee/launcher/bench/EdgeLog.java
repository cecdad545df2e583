package dev.marquee.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What happened at the edge, attempt by attempt: when each was meant to be sent, the order id of each accepted
 * one, refusals by status and problem code, transport errors, and the edge latency from the intended send time.
 * Each attempt's slot is written by the one client thread that took it; read the slots after the load ended.
 */
final class EdgeLog {

    private final long[] intended;
    private final String[] orderIds;
    private final long[] acceptedAtMillis;
    private final long[] refusedAtNanos;
    private final LongAdder sent = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final AtomicLong firstSend = new AtomicLong(Long.MAX_VALUE);
    private final LongAccumulator lastSend = new LongAccumulator(Math::max, Long.MIN_VALUE);
    private final LongAccumulator lastAnswer = new LongAccumulator(Math::max, Long.MIN_VALUE);
    private final Recorder latency = new Recorder(3);
    private final Histogram latencyTotal = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    private final Recorder acceptedLatency = new Recorder(3);
    private final Histogram acceptedLatencyTotal = new Histogram(TimeUnit.HOURS.toMicros(1), 3);

    EdgeLog(int attempts) {
        this.intended = new long[attempts];
        this.orderIds = new String[attempts];
        this.acceptedAtMillis = new long[attempts];
        this.refusedAtNanos = new long[attempts];
    }

    void sending(int attempt, long intendedNanos, long nowNanos) {
        intended[attempt] = intendedNanos;
        firstSend.accumulateAndGet(nowNanos, Math::min);
        lastSend.accumulate(nowNanos);
        sent.increment();
    }

    void accepted(int attempt, String orderId, long nowNanos) {
        orderIds[attempt] = orderId;
        acceptedAtMillis[attempt] = System.currentTimeMillis();
        accepted.increment();
        answered(attempt, nowNanos);
        acceptedLatency.recordValue(Math.max(0, (nowNanos - intended[attempt]) / 1000));
    }

    void refused(int attempt, String statusAndCode, long nowNanos) {
        refused.computeIfAbsent(statusAndCode, k -> new LongAdder()).increment();
        refusedAtNanos[attempt] = nowNanos;
        answered(attempt, nowNanos);
    }

    /** Attempts refused at the edge (a 4xx): for the customer, that answer is the decision. */
    List<Refusal> refusals() {
        List<Refusal> all = new ArrayList<>();
        for (int i = 0; i < refusedAtNanos.length; i++) {
            if (refusedAtNanos[i] != 0) {
                all.add(new Refusal(intended[i], refusedAtNanos[i]));
            }
        }
        return all;
    }

    record Refusal(long intendedNanos, long answeredNanos) {
    }

    void failed(String what) {
        errors.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    private void answered(int attempt, long nowNanos) {
        lastAnswer.accumulate(nowNanos);
        latency.recordValue(Math.max(0, (nowNanos - intended[attempt]) / 1000));
    }

    /** Edge latency (µs) recorded since the last call, also kept in the total. */
    synchronized Histogram latencySinceLastCall() {
        Histogram interval = latency.getIntervalHistogram();
        latencyTotal.add(interval);
        return interval;
    }

    /** Edge latency (µs) from the intended send time to the 202, of the accepted attempts only. */
    synchronized Histogram acceptedLatency() {
        acceptedLatencyTotal.add(acceptedLatency.getIntervalHistogram());
        return acceptedLatencyTotal.copy();
    }

    /** Edge latency (µs) from the intended send time, of every answered attempt. */
    synchronized Histogram latency() {
        latencySinceLastCall();
        return latencyTotal.copy();
    }

    /** The accepted attempts, in attempt order. */
    List<Accepted> acceptedAttempts() {
        List<Accepted> all = new ArrayList<>();
        for (int i = 0; i < orderIds.length; i++) {
            if (orderIds[i] != null) {
                all.add(new Accepted(orderIds[i], intended[i], acceptedAtMillis[i]));
            }
        }
        return all;
    }

    long sent() {
        return sent.sum();
    }

    long accepted() {
        return accepted.sum();
    }

    long refusedTotal() {
        return refused.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long errorsTotal() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> refusedByCode() {
        return sorted(refused);
    }

    Map<String, Long> errorsByKind() {
        return sorted(errors);
    }

    long firstSendNanos() {
        return firstSend.get();
    }

    long lastSendNanos() {
        return lastSend.get();
    }

    long lastAnswerNanos() {
        return lastAnswer.get();
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /**
     * An order the edge accepted, with the time its attempt was meant to be sent (System.nanoTime) and when its 202
     * arrived (epoch ms, to compare with Kafka timestamps).
     */
    record Accepted(String orderId, long intendedNanos, long acceptedAtMillis) {
    }
}
