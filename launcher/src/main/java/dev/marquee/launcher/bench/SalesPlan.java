package dev.marquee.launcher.bench;

/** What {@code bench replay} produces; see {@link ReplayBenchCommand}. */
record SalesPlan(int events, int movies, int cinemas, double refunds, long seed) {
}
