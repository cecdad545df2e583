package dev.marquee.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code bench steady} does; see {@link SteadyCommand} for the options.
 *
 * @param profileStep the step (1-based) to profile, 0 none
 * @param profiler    libasyncProfiler.so to load, or null: the one in async-profiler's jar from Maven Central
 */
record SteadyPlan(List<Double> rates, Duration step, Duration warmup, int screenings, int customers, double abandon,
                  double duplicates, Duration hold, long seed, int profileStep, Path profiler, Path profileOut) {

    static final Duration TARGET_P99 = Duration.ofMillis(250);
}
