package dev.marquee.orderapi.catalog.imports;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The import's problems: {@code import-invalid} (422, with {@code errors}), {@code import-running} (409), … */
@RestControllerAdvice(basePackageClasses = ImportProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportProblems {

    /** At most this many errors are listed; {@code errorCount} says how many there were. */
    static final int LISTED = 1_000;

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(ImportInvalidException e) {
        ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-invalid", e.getMessage());
        List<Map<String, Object>> errors = e.errors().stream().limit(LISTED).map(r -> Map.<String, Object>of(
                "sheet", r.sheet(), "line", r.line(), "reason", r.reason())).toList();
        body.setProperty("errors", errors);
        body.setProperty("errorCount", e.errors().size());
        body.setProperty("lineCount", ImportInvalidException.lines(e.errors()));
        return ResponseEntity.unprocessableContent().body(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> running(CatalogImports.ImportRunningException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "import-running",
                e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(CatalogImportController.ImportTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                "import-too-large", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(IOException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "import-unreadable",
                "The file cannot be read as .xlsx or .csv: " + e.getMessage()));
    }
}
