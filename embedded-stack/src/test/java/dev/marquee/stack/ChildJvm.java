package dev.marquee.stack;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Another process for the tests that need one (file locks are per process; a JVM killed with signal 9): a JVM on this
 * test's class path that claims a data directory ({@code lock}) or starts a whole stack on it ({@code stack}),
 * prints {@code READY}, and waits to be killed.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        AutoCloseable held = args[0].equals("lock") ? DataDirectory.claim(dir) : EmbeddedStack.start(dir, StackPorts.ephemeral(), 1);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        held.close();
    }

    /** Starts a child JVM doing {@code mode} on {@code dir} and returns once it is READY. */
    static Process start(String mode, Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ChildJvm.class.getName(), mode, dir.toAbsolutePath().toString()))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("READY")) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        });
        try {
            if (!ready.get(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the child JVM ended before it was ready (exit " + child.waitFor() + ")");
            }
        } catch (Exception e) {
            child.destroyForcibly();
            throw e;
        }
        // keep draining its output so that it never blocks on a full pipe
        Thread.ofPlatform().daemon().start(() -> out.lines().forEach(line -> { }));
        return child;
    }
}
