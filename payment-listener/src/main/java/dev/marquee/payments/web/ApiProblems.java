package dev.marquee.payments.web;

import dev.marquee.payments.TradeNotFlaggedException;
import dev.marquee.payments.TradeNotFoundException;
import dev.marquee.support.CodedProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error is an RFC 9457 problem-details body with a stable {@code code}: {@code trade-not-found},
 * {@code trade-not-flagged} (with the trade's {@code outcome}), {@code invalid-limit}, {@code invalid-parameter};
 * Spring's own (404, 405, ...) get a code derived from their status.
 */
@RestControllerAdvice
class ApiProblems extends CodedProblems {

    @ExceptionHandler
    ProblemDetail notFound(TradeNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "trade-not-found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFlagged(TradeNotFlaggedException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "trade-not-flagged", e.getMessage());
        problem.setProperty("outcome", e.trade().outcome().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidLimit(TradesController.InvalidLimitException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-limit", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                e.getName() + " is not valid: '" + e.getValue() + "'.");
    }
}
