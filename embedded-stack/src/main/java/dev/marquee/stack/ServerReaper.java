package dev.marquee.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small watchdog process beside this JVM that stops the stack's servers (mariadbd, redis-server: processes of
 * their own) once the JVM is gone, however it ended: a JVM killed with signal 9 runs no shutdown hook and would
 * leave them running, holding their ports and files. The watchdog checks every half second whether the JVM still
 * lives; when it does not, it asks the servers to stop and kills those still running after ten seconds. It only
 * signals a process whose command line still names the data directory, so a recycled pid is left alone. Closing
 * the reaper (before the stack stops its servers itself) ends the watchdog. Linux only ({@code /proc}); elsewhere
 * it does nothing, and the next owner of the data directory stops what was left ({@link DataDirectory}).
 */
final class ServerReaper implements AutoCloseable {

    /** A marker among the watchdog's arguments, so that it can be recognised in a process list. */
    static final String NAME = "marquee-reaper";
    private static final Logger log = LoggerFactory.getLogger(ServerReaper.class);
    private static final String SCRIPT = """
            trap '' INT HUP
            jvm=$1; dir=$2; shift 2
            alive() { [ -r /proc/$1/stat ] && ! sed 's/^.*) //' /proc/$1/stat 2>/dev/null | grep -q '^Z'; }
            ours() { tr '\\0' '\\n' < /proc/$1/cmdline 2>/dev/null | grep -qF -- "$dir"; }
            while alive "$jvm"; do sleep 0.5; done
            for p in "$@"; do ours "$p" && kill -TERM "$p" 2>/dev/null; done
            i=0
            while [ $i -lt 20 ]; do
              left=
              for p in "$@"; do ours "$p" && alive "$p" && left=1; done
              [ -z "$left" ] && exit 0
              sleep 0.5; i=$((i+1))
            done
            for p in "$@"; do ours "$p" && kill -KILL "$p" 2>/dev/null; done
            """;

    private final Process watchdog;

    private ServerReaper(Process watchdog) {
        this.watchdog = watchdog;
    }

    /** Starts the watchdog for the servers this JVM started in {@code dataDir}. */
    static ServerReaper watch(Path dataDir) {
        List<ProcessHandle> servers = StackServers.of(ProcessHandle.current().descendants(), dataDir);
        if (!Files.isReadable(Path.of("/proc/self/stat")) || !Files.isExecutable(Path.of("/bin/sh")) || servers.isEmpty()) {
            log.info("No server reaper: {}", servers.isEmpty() ? "no server processes found" : "not on Linux");
            return new ServerReaper(null);
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, NAME,
                Long.toString(ProcessHandle.current().pid()), dataDir.toAbsolutePath().normalize() + File.separator));
        servers.forEach(server -> command.add(Long.toString(server.pid())));
        try {
            Process watchdog = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            log.debug("Server reaper (pid {}) watches {}", watchdog.pid(), servers.stream().map(ProcessHandle::pid).toList());
            return new ServerReaper(watchdog);
        } catch (IOException e) {
            log.warn("No server reaper ({}): servers may outlive a killed JVM until the next start", e.toString());
            return new ServerReaper(null);
        }
    }

    /** Ends the watchdog: the stack is about to stop its servers itself. */
    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.destroy();
        }
    }
}
