package dev.marquee.boxoffice.web;

import dev.marquee.boxoffice.InvalidQueryException;
import dev.marquee.boxoffice.MixedCurrenciesException;
import dev.marquee.boxoffice.rebuild.RebuildRunningException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error is an RFC 9457 problem-details body with a stable {@code code}: {@code invalid-window},
 * {@code invalid-date}, {@code invalid-limit}, {@code invalid-parameter}, {@code mixed-currencies} (with the
 * {@code currencies} to choose from), {@code rebuild-running}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail mixedCurrencies(MixedCurrenciesException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
        problem.setProperty("currencies", e.currencies());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidQuery(InvalidQueryException e) {
        return problem(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                e.getName() + " is not valid: '" + e.getValue() + "'.");
    }

    @ExceptionHandler
    ProblemDetail rebuildRunning(RebuildRunningException e) {
        return problem(HttpStatus.CONFLICT, "rebuild-running", e.getMessage());
    }

    /** Problems raised by Spring itself (404, 405, 406, ...) get a code derived from their status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("code"))) {
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setProperty("code", known == null ? "http-" + status.value()
                    : known.name().toLowerCase().replace('_', '-'));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
