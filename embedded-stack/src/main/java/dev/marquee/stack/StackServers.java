package dev.marquee.stack;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The server processes of a stack (mariadbd, redis-server), recognised by their executable and by their command
 * line naming the stack's data directory: MariaDB's {@code --datadir} and Redis' binary both live inside it.
 */
final class StackServers {

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
}
