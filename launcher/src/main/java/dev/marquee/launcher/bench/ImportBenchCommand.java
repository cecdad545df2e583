package dev.marquee.launcher.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code marquee bench import}: a generated catalog of 10,000 screenings and 10,000 accounts, imported and timed. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"An import run on its own embedded stack: generates a catalog (--screenings screenings over",
                "halls of 150 seats, --accounts accounts, --passwords of them with a password to hash) and imports",
                "it through POST /api/admin/catalog/import three times: cold (the order-api's first import), the",
                "same file again (nothing changes: every row unchanged), and a second catalog of the same size",
                "(warm). Wall time is measured at the client, upload to report. Exit code 0 when the cold and warm",
                "imports each took under --target and the re-run changed nothing."})
final class ImportBenchCommand implements Callable<Integer> {

    @Option(names = "--screenings", description = "Default: ${DEFAULT-VALUE}")
    int screenings = 10_000;

    @Option(names = "--accounts", description = "Default: ${DEFAULT-VALUE}")
    int accounts = 10_000;

    @Option(names = "--passwords", description = {"Accounts with a password (Argon2id, hashed on every core); the",
            "rest sign in by SMS code. Default: ${DEFAULT-VALUE}"})
    int passwords = 0;

    @Option(names = "--target", description = "Default: ${DEFAULT-VALUE}")
    Duration target = Duration.ofSeconds(20);

    @Option(names = "--data-dir", description = {"The bench stack's data directory: wiped at start, owned by this bench while it runs;",
            "refused while another Marquee uses it, or when it holds files Marquee did not write. Default: ${DEFAULT-VALUE}"})
    Path dataDir = Path.of(".marquee", "bench");

    /** One import as the client saw it. */
    record Timed(double seconds, JsonNode report) {
        boolean changed() {
            return report.path("changed").asBoolean();
        }
    }

    @Override
    public Integer call() throws Exception {
        try (BenchPipeline bench = BenchPipeline.start(dataDir, Map.of("marquee.demo.accounts", "false"), false)) {
            String url = "http://127.0.0.1:" + bench.pipeline().port("order-api");
            String token = new BenchCustomers(bench.stack()).operator();
            ImportBenchCatalog a = new ImportBenchCatalog("a" + Long.toString(System.nanoTime() % 1_000_000, 36),
                    screenings, accounts, passwords);
            ImportBenchCatalog b = new ImportBenchCatalog("b" + a.run().substring(1), screenings, accounts, passwords);
            byte[] fileA = a.zip();
            byte[] fileB = b.zip();
            System.out.printf("bench: catalog of %d cinemas, %d halls, %d movies, %d screenings, %d accounts (%d with"
                    + " a password), %d KB zipped%n", a.cinemas(), a.halls(), ImportBenchCatalog.MOVIES, screenings,
                    accounts, passwords, fileA.length / 1024);
            Timed cold = post(url, token, fileA);
            print("cold (first import in this order-api)", cold);
            Timed again = post(url, token, fileA);
            print("the same file again", again);
            Timed warm = post(url, token, fileB);
            print("warm (another catalog of the same size)", warm);
            boolean ok = cold.seconds() < target.toMillis() / 1000.0 && warm.seconds() < target.toMillis() / 1000.0
                    && !again.changed() && cold.changed() && warm.changed();
            System.out.printf("bench: %s (target %.0f s; the re-run %s)%n", ok ? "OK" : "NOT OK",
                    target.toMillis() / 1000.0, again.changed() ? "CHANGED rows" : "changed nothing");
            System.out.printf("{\"bench\":\"import\",\"screenings\":%d,\"accounts\":%d,\"passwords\":%d,"
                            + "\"coldSeconds\":%.2f,\"rerunSeconds\":%.2f,\"warmSeconds\":%.2f,\"rerunChanged\":%s,"
                            + "\"cores\":%d,\"ok\":%s}%n", screenings, accounts, passwords, cold.seconds(),
                    again.seconds(), warm.seconds(), again.changed(), Runtime.getRuntime().availableProcessors(), ok);
            return ok ? 0 : 1;
        }
    }

    private static void print(String what, Timed run) {
        JsonNode r = run.report();
        System.out.printf("bench: %-40s %6.2f s (validate %d ms, write %d ms)%n", what, run.seconds(),
                r.path("validateMillis").asLong(), r.path("writeMillis").asLong());
        r.path("sheets").forEach(s -> System.out.printf("         %-17s %6d new %6d changed %6d unchanged%n",
                s.path("sheet").asString(), s.path("inserted").asInt(), s.path("updated").asInt(),
                s.path("unchanged").asInt()));
    }

    static Timed post(String url, String token, byte[] file) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url + "/api/admin/catalog/import?name=catalog.zip")).header("Authorization",
                        "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).timeout(Duration.ofMinutes(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        ObjectMapper json = JsonMapper.builderWithJackson2Defaults().build();
        JsonNode last = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            StringBuilder all = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                all.append(line);
                if (response.statusCode() == 200) {
                    last = json.readTree(line);
                }
            }
            if (response.statusCode() != 200 || last == null || !last.has("sheets")) {
                throw new IllegalStateException("the import answered " + response.statusCode() + ": " + all);
            }
        }
        return new Timed((System.nanoTime() - start) / 1e9, last);
    }
}
