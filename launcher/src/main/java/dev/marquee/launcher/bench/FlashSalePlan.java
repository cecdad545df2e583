package dev.marquee.launcher.bench;

import java.time.Duration;

/**
 * The size and pace of a flash sale: what {@code marquee bench flash-sale} was asked to do.
 *
 * @param warmUpScreeningId the screening the warm-up sells, or 0 for the lowest-numbered other one (preferably in
 *                          another hall): a stack that others use too (the tests') names one nobody else sells
 */
record FlashSalePlan(int attempts, long screeningId, int clients, double rate, int maxSeats, Duration timeout,
                     long seed, int warmup, boolean any, long warmUpScreeningId) {

    FlashSalePlan(int attempts, long screeningId, int clients, double rate, int maxSeats, Duration timeout, long seed,
                  int warmup, boolean any) {
        this(attempts, screeningId, clients, rate, maxSeats, timeout, seed, warmup, any, 0);
    }

    FlashSalePlan(int attempts, long screeningId, int clients, double rate, int maxSeats, Duration timeout, long seed,
                  int warmup) {
        this(attempts, screeningId, clients, rate, maxSeats, timeout, seed, warmup, false);
    }
}
