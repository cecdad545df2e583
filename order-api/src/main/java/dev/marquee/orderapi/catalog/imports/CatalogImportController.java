package dev.marquee.orderapi.catalog.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/admin/catalog/import}: the body is the file ({@code .xlsx}, a zip of {@code .csv} files, or one
 * {@code .csv} named by {@code name}). Every line is validated before the answer starts: refused lines answer 422
 * {@code import-invalid} with each line's sheet, line and reason, nothing written. Otherwise the answer is JSON
 * lines: one {@code {"sheet", "done", "total"}} per chunk written (the command's progress bar), then the report.
 */
@RestController
class CatalogImportController {

    /** Larger files are refused: 10,000 screenings and 10,000 accounts take about 2 MB as CSV. */
    static final int MAX_BYTES = 64 * 1024 * 1024;
    static final Duration WRITE_TIMEOUT = Duration.ofMinutes(30);
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final Logger log = LoggerFactory.getLogger(CatalogImportController.class);

    private final CatalogImports imports;
    private final ObjectMapper json = JsonMapper.builderWithJackson2Defaults().build();

    CatalogImportController(CatalogImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import a catalog file (what ./marquee import catalog sends): validated whole first, then upserted; streams progress as NDJSON")
    @Problem(status = 422, code = "import-invalid", when = "a line is invalid (every one listed with sheet, line and reason); nothing written")
    @Problem(status = 400, code = "import-unreadable", when = "not an .xlsx, .csv or zip of them (an .xls or password-protected workbook included), or a zip past the reader's limits")
    @Problem(status = 413, code = "import-too-large", when = "the file is too large; split it by sheet")
    @Problem(status = 409, code = "import-running", when = "another import is running")
    @PostMapping(path = "/api/admin/catalog/import", produces = "application/x-ndjson")
    @Permits(area = Area.CATALOG, access = Access.MANAGE)
    ResponseEntity<ResponseBodyEmitter> importCatalog(InputStream body,
                                                      @RequestParam(defaultValue = "catalog.zip") String name,
                                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                                      @RequestParam(defaultValue = "false") boolean skipInvalid)
            throws IOException {
        byte[] content = body.readNBytes(MAX_BYTES + 1);
        if (content.length > MAX_BYTES) {
            throw new ImportTooLargeException();
        }
        CatalogImports.Checked checked = imports.check(name, content, skipInvalid);
        // its own timeout: hashing passwords may take longer than the server's default for async answers (30 s)
        ResponseBodyEmitter answer = new ResponseBodyEmitter(WRITE_TIMEOUT.toMillis());
        Thread.ofVirtual().name("catalog-import").start(() -> {
            try {
                ImportProgress progress = (sheet, done, total) -> line(answer, new Step(sheet, done, total));
                line(answer, imports.write(checked, dryRun, progress));
                answer.complete();
            } catch (RuntimeException e) {
                log.warn("catalog import failed while writing; what was written stays (run it again)", e);
                line(answer, Map.of("error", e.getClass().getSimpleName(), "detail", String.valueOf(e.getMessage())));
                answer.complete();
            }
        });
        return ResponseEntity.ok().contentType(NDJSON).body(answer);
    }

    record Step(String sheet, int done, int total) {
    }

    private void line(ResponseBodyEmitter answer, Object value) {
        try {
            answer.send(json.writeValueAsString(value) + "\n", MediaType.TEXT_PLAIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class ImportTooLargeException extends RuntimeException {
        ImportTooLargeException() {
            super("The file is larger than " + MAX_BYTES / 1024 / 1024 + " MB; split it by sheet.");
        }
    }
}
