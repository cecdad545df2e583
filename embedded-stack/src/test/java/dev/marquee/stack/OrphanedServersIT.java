package dev.marquee.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * MariaDB and Redis run as processes of their own: when the JVM that started them is killed (signal 9: no shutdown
 * hook runs), they must not run on, holding ports and files, with nobody to stop them.
 */
class OrphanedServersIT {

    @Test
    void theServersOfAJvmKilledWithSignal9StopWithinSeconds() throws Exception {
        Path dir = Path.of("target", "orphans-killed-jvm");
        Process jvm = ChildJvm.start("stack", dir);
        List<ProcessHandle> servers = servers(jvm, dir);

        jvm.destroyForcibly().waitFor();

        await().atMost(Duration.ofSeconds(30)).until(() -> servers.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** Even without the watchdog (killed too), the next owner of the directory stops what was left running. */
    @Test
    void serversLeftRunningAreStoppedByTheNextOwnerOfTheDirectory() throws Exception {
        Path dir = Path.of("target", "orphans-next-owner");
        Process jvm = ChildJvm.start("stack", dir);
        List<ProcessHandle> servers = servers(jvm, dir);
        List<ProcessHandle> reapers = jvm.toHandle().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(ServerReaper.NAME)).toList();
        assertThat(reapers).hasSize(1);

        reapers.getFirst().destroyForcibly();
        reapers.getFirst().onExit().join();
        jvm.destroyForcibly().waitFor();
        assertThat(servers).as("orphans, with nobody to stop them").allMatch(ProcessHandle::isAlive);

        DataDirectory.claim(dir).close();

        assertThat(servers).noneMatch(ProcessHandle::isAlive);
    }

    private static List<ProcessHandle> servers(Process jvm, Path dir) {
        List<ProcessHandle> servers = StackServers.of(jvm.toHandle().descendants(), dir);
        assertThat(servers).extracting(p -> Path.of(p.info().command().orElseThrow()).getFileName().toString())
                .as("mariadbd and redis-server, recognised by their command lines")
                .anySatisfy(name -> assertThat(name).startsWith("mariadbd"))
                .anySatisfy(name -> assertThat(name).startsWith("redis-server"));
        return servers;
    }
}
