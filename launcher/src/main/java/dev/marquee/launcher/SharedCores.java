package dev.marquee.launcher;

import java.util.Map;

/**
 * Settings for running every service in one JVM on a small machine (./marquee run and bench), where order-api's
 * edge shares the cores with the relay and the allocator: a small pool of request threads, at the lowest OS
 * priority (see order-api's EdgePriority), so a crowd at the edge cannot starve the pipeline that decides what
 * was accepted. Measured with ./marquee bench flash-sale over five runs: 8 threads gave p99 171-280 ms while seats
 * were left (32 threads: 218-368 ms), at the same edge rate. A service in a container of its own keeps its
 * defaults.
 */
public final class SharedCores {

    private SharedCores() {
    }

    public static Map<String, String> properties() {
        return Map.of("server.tomcat.threads.max", "8",
                "marquee.edge.thread-priority", Integer.toString(Thread.MIN_PRIORITY));
    }
}
