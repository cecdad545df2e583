package dev.marquee.stack;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server processes of a stack (mariadbd, redis-server), recognised by their executable and by their command
 * line naming the stack's data directory: MariaDB's {@code --datadir} and Redis' binary both live inside it.
 */
final class StackServers {

    private static final Duration STOP = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(StackServers.class);

    private StackServers() {
    }

    /** Server processes of the stack whose data directory is {@code dir}, whoever started them. */
    static List<ProcessHandle> of(Path dir) {
        return of(ProcessHandle.allProcesses(), dir);
    }

    /** Among {@code processes}, the servers of the stack whose data directory is {@code dir}. */
    static List<ProcessHandle> of(Stream<ProcessHandle> processes, Path dir) {
        String inside = dir.toAbsolutePath().normalize() + File.separator;
        return processes.filter(p -> isServer(p) && p.info().commandLine().map(c -> c.contains(inside)).orElse(false))
                .toList();
    }

    static boolean isServer(ProcessHandle process) {
        String command = process.info().command().orElse("");
        String name = command.substring(command.lastIndexOf('/') + 1);
        // a name may end in " (deleted)" when its binary was removed since it started
        return name.startsWith("mariadbd") || name.startsWith("mysqld") || name.startsWith("redis-server");
    }

    /**
     * Servers a previous owner left running (it was killed before it could stop them, and no reaper stopped them
     * either): the lock is ours now, so their owner is gone. Asked to stop, then killed after {@link #STOP}.
     */
    static void stopLeftovers(Path dir) {
        List<ProcessHandle> leftovers = of(dir);
        for (ProcessHandle server : leftovers) {
            log.warn("Stopping {} (pid {}), left running in {} by a process that ended without stopping it",
                    server.info().command().orElse("a server"), server.pid(), dir);
            server.destroy();
        }
        for (ProcessHandle server : leftovers) {
            if (!stopped(server, STOP) && !(server.destroyForcibly() && stopped(server, STOP))) {
                throw new IllegalStateException("could not stop " + server.info().command().orElse("a server")
                        + " (pid " + server.pid() + "), left running in " + dir + " by a previous owner");
            }
        }
    }

    private static boolean stopped(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
