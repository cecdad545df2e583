package dev.marquee.launcher;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code marquee import}: bulk imports into a running order-api. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Bulk imports into a running order-api.",
        subcommands = {ImportCommand.Catalog.class})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Name what to import, e.g. 'marquee import catalog FILE'");
    }

    @Command(name = "catalog", mixinStandardHelpOptions = true,
            description = {"Imports merchants, cinemas, movies, halls (seat grids as rows of characters), licences,",
                    "screenings and staff/customer accounts from FILE: an .xlsx workbook with one sheet per kind, a",
                    "directory or .zip of .csv files named like the sheets, or one .csv named like its sheet",
                    "(deploy/catalog/ is an example). Every line is checked first; if any is refused, each is printed",
                    "with its sheet, line and reason and nothing is written. Rows are upserted by their natural keys",
                    "(codes, cinema + hall name, hall + start, phone): importing the same file twice changes nothing.",
                    "Exit code 0 when imported, 1 when lines were refused, 2 when it could not run."})
    static final class Catalog implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The .xlsx, .csv, .zip or directory of .csv files.")
        Path file;

        @Option(names = "--dry-run", description = "Check and count what would change; write nothing.")
        boolean dryRun;

        @Option(names = "--skip-invalid", description = "Import the valid lines; print the refused ones.")
        boolean skipInvalid;

        @Option(names = "--url", description = "The order-api. Default: ${DEFAULT-VALUE}")
        String url = "http://127.0.0.1:8080";

        @Mixin
        OperatorToken token;

        PrintStream out = System.out;
        PrintStream err = System.err;

        @Override
        public Integer call() throws Exception {
            if (!Files.exists(file)) {
                err.println("import: no such file " + file);
                return 2;
            }
            String name = Files.isDirectory(file) ? "catalog.zip" : file.getFileName().toString();
            HttpRequest.BodyPublisher body = Files.isDirectory(file)
                    ? HttpRequest.BodyPublishers.ofByteArray(zipOfCsv(file)) : HttpRequest.BodyPublishers.ofFile(file);
            URI uri = URI.create(url + "/api/admin/catalog/import?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "&dryRun=" + dryRun + "&skipInvalid=" + skipInvalid);
            HttpResponse<java.io.InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .build().send(token.sign(HttpRequest.newBuilder(uri)).header("Content-Type",
                            "application/octet-stream").POST(body).timeout(Duration.ofMinutes(30)).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            ObjectMapper json = JsonMapper.builderWithJackson2Defaults().build();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    return refused(response.statusCode(), json.readTree(lines.lines().reduce("", String::concat)));
                }
                ProgressBar bar = new ProgressBar(err);
                JsonNode report = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    JsonNode node = json.readTree(line);
                    if (node.has("done")) {
                        bar.show(node.path("sheet").asString(), node.path("done").asInt(), node.path("total").asInt());
                    } else if (node.has("error")) {
                        bar.end();
                        err.println("import: failed while writing (" + node.path("error").asString() + ": "
                                + node.path("detail").asString() + "); what was written stays, and running the"
                                + " import again writes the rest");
                        return 2;
                    } else {
                        report = node;
                    }
                }
                bar.end();
                if (report == null) {
                    err.println("import: the order-api ended its answer before its report; run it again (it is"
                            + " idempotent) or see the order-api's log");
                    return 2;
                }
                print(report);
                return 0;
            }
        }

        private int refused(int status, JsonNode problem) {
            String code = problem.path("code").asString();
            if (code.equals("import-invalid")) {
                err.println("import: " + problem.path("lineCount").asInt() + " line(s) refused; nothing was written"
                        + " (fix them, or --skip-invalid to import the rest):");
                problem.path("errors").forEach(e -> err.println("  " + e.path("sheet").asString() + " line "
                        + e.path("line").asInt() + ": " + e.path("reason").asString()));
                return 1;
            }
            err.println("import: " + status + " " + code + ": "
                    + token.refusal(status, code).orElse(problem.path("detail").asString()));
            return 2;
        }

        private void print(JsonNode report) {
            out.printf("import%s: %d lines checked in %d ms, written in %d ms%n", dryRun ? " (dry run, nothing written)"
                    : "", report.path("lines").asInt(), report.path("validateMillis").asLong(),
                    report.path("writeMillis").asLong());
            report.path("sheets").forEach(s -> out.printf("  %-17s %6d new %6d changed %6d unchanged%n",
                    s.path("sheet").asString(), s.path("inserted").asInt(), s.path("updated").asInt(),
                    s.path("unchanged").asInt()));
            if (!report.path("skipped").isEmpty()) {
                out.println("  skipped (refused) lines:");
                report.path("skipped").forEach(e -> out.println("    " + e.path("sheet").asString() + " line "
                        + e.path("line").asInt() + ": " + e.path("reason").asString()));
            }
            out.println(report);
        }

        /** A directory of {@code .csv} files, zipped in memory as the order-api takes them. */
        static byte[] zipOfCsv(Path directory) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(directory)) {
                List<Path> csv = files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".csv")).sorted()
                        .toList();
                for (Path f : csv) {
                    zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                    zip.write(Files.readAllBytes(f));
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
    }
}
