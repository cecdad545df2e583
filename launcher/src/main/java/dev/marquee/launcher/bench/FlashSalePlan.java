package dev.marquee.launcher.bench;

import java.time.Duration;

/** The size and pace of a flash sale: what {@code marquee bench flash-sale} was asked to do. */
record FlashSalePlan(int attempts, long screeningId, int clients, double rate, int maxSeats, Duration timeout,
                     long seed, int warmup, boolean any) {

    FlashSalePlan(int attempts, long screeningId, int clients, double rate, int maxSeats, Duration timeout, long seed,
                  int warmup) {
        this(attempts, screeningId, clients, rate, maxSeats, timeout, seed, warmup, false);
    }
}
