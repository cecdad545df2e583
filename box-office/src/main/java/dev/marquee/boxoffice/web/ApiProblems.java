package dev.marquee.boxoffice.web;

import dev.marquee.boxoffice.InvalidQueryException;
import dev.marquee.boxoffice.MixedCurrenciesException;
import dev.marquee.boxoffice.rebuild.RebuildRunningException;
import dev.marquee.support.CodedProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error is an RFC 9457 problem-details body with a stable {@code code}: {@code invalid-window},
 * {@code invalid-date}, {@code invalid-limit}, {@code invalid-parameter}, {@code mixed-currencies} (with the
 * {@code currencies} to choose from), {@code rebuild-running}.
 */
@RestControllerAdvice
class ApiProblems extends CodedProblems {

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
}
