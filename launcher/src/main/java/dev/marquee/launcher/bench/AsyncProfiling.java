package dev.marquee.launcher.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * A CPU flame graph of this JVM (every service runs in it) from async-profiler, started and stopped in-process through
 * its Java API. The API and the native library come from {@code tools.profiler:async-profiler} on Maven Central,
 * fetched once into the local Maven repository as Maven would; {@code --profiler} names another libasyncProfiler.so.
 */
final class AsyncProfiling {

    static final String VERSION = "4.2";
    private static final String PATH = "tools/profiler/async-profiler/" + VERSION + "/async-profiler-" + VERSION + ".jar";

    private final Path library;
    private final Path output;
    private Object profiler;
    private Method execute;

    /** @param library libasyncProfiler.so, or null for the one in the fetched jar */
    AsyncProfiling(Path library, Path output) {
        this.library = library;
        this.output = output;
    }

    void start() throws Exception {
        Path jar = fetch();
        Path lib = library != null ? library : extract(jar);
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        Class<?> api = loader.loadClass("one.profiler.AsyncProfiler");
        profiler = api.getMethod("getInstance", String.class).invoke(null, lib.toAbsolutePath().toString());
        execute = api.getMethod("execute", String.class);
        // per thread: the threads' names say which service a frame ran for (they all share this JVM)
        execute.invoke(profiler, "start,event=cpu,interval=2ms,threads");
    }

    /** Stops and writes the flame graph (or collapsed stacks, for a file ending in .collapsed); its path. */
    Path stop() throws Exception {
        Files.createDirectories(output.toAbsolutePath().getParent());
        execute.invoke(profiler, "stop,file=" + output.toAbsolutePath());
        return output;
    }

    private static Path fetch() throws IOException, InterruptedException {
        Path local = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(PATH);
        if (Files.isRegularFile(local)) {
            return local;
        }
        Files.createDirectories(local.getParent());
        Path partial = local.resolveSibling(local.getFileName() + ".part");
        HttpResponse<Path> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create("https://repo.maven.apache.org/maven2/" + PATH)).build(),
                        HttpResponse.BodyHandlers.ofFile(partial));
        if (response.statusCode() != 200) {
            Files.deleteIfExists(partial);
            throw new IOException("Maven Central answered " + response.statusCode() + " for " + PATH);
        }
        return Files.move(partial, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path extract(Path jar) throws IOException {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "linux-arm64" : "linux-x64";
        try (JarFile file = new JarFile(jar.toFile())) {
            var entry = file.getJarEntry(arch + "/libasyncProfiler.so");
            if (entry == null) {
                throw new IOException(jar + " has no " + arch + "/libasyncProfiler.so");
            }
            Path lib = Files.createTempFile("libasyncProfiler", ".so");
            lib.toFile().deleteOnExit();
            try (InputStream in = file.getInputStream(entry)) {
                Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            }
            return lib;
        }
    }
}
