package dev.marquee.orderapi.order.web;

import java.util.List;
import java.util.Map;

import dev.marquee.ledger.HallBusyException;
import dev.marquee.orderapi.catalog.ScreeningNotFoundException;
import dev.marquee.orderapi.order.IdempotencyKeyReusedException;
import dev.marquee.orderapi.order.IllegalOrderTransitionException;
import dev.marquee.orderapi.order.OrderNotCancellableException;
import dev.marquee.orderapi.order.OrderNotFoundException;
import dev.marquee.orderapi.order.OrderRefusedException;
import dev.marquee.orderapi.ratelimit.RateLimitedException;
import dev.marquee.support.CodedProblems;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Every error is an RFC 9457 problem-details body with a stable {@code code}. The codes are listed in README;
 * clients branch on them, never on the human-readable {@code detail}.
 */
@RestControllerAdvice
class ApiProblems extends CodedProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler
    ProblemDetail refused(OrderRefusedException e) {
        return refusal(e);
    }

    static ProblemDetail refusal(OrderRefusedException e) {
        ProblemDetail problem = problem(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
                e.code(), e.getMessage());
        e.details().forEach(problem::setProperty);
        return problem;
    }

    /** An order over its caller's or its screening's limit, found just before it would have been written. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", e.getMessage());
        problem.setProperty("limit", e.exceeded().kind().label());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.exceeded().retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler
    ProblemDetail reused(IdempotencyKeyReusedException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "idempotency-key-reused", e.getMessage());
        problem.setProperty("orderId", e.orderId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badKey(OrderController.InvalidIdempotencyKeyException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", e.getMessage());
    }

    /**
     * A cancellation (or any seat write here) waited the configured {@code marquee.hall-lock.wait} for the hall's
     * lock and another writer still had it: nothing was written; retry.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> hallBusy(HallBusyException e) {
        return unavailable("1", "hall-busy", "The hall's seats are being written by someone else just now; nothing"
                + " was changed. Retry in a moment.");
    }

    /** Redis, where the halls' locks live, is away or too slow to answer: nothing was written; retry later. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> locksUnavailable(RedisException e) {
        log.warn("hall locks unavailable, answered 503: {}", e.toString());
        return unavailable("5", "locks-unavailable", "The seat locks cannot be reached just now; nothing was"
                + " changed. Retry later.");
    }

    private static ResponseEntity<ProblemDetail> unavailable(String retryAfterSeconds, String code, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, code, detail));
    }

    /**
     * A customer's command the order's state refuses (claiming a payment for an order that is not held): 409 with
     * the order's status, like order-not-cancellable.
     */
    @ExceptionHandler
    ProblemDetail transitionRefused(IllegalOrderTransitionException e) {
        return problem(HttpStatus.CONFLICT, "order-state-conflict", e.getMessage());
    }

    /**
     * A deadlock, a lock timeout, or the database away (restarting, no connection to be had): nothing was written;
     * the same request (and Idempotency-Key) may be retried.
     */
    @ExceptionHandler({TransientDataAccessException.class, RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> transientFailure(Exception e) {
        log.warn("answered 503 try-again: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "try-again",
                        "The database could not take the request this time; nothing was written. Retry it."));
    }

    @ExceptionHandler
    ProblemDetail screeningNotFound(ScreeningNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "screening-not-found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notCancellable(OrderNotCancellableException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "order-not-cancellable", e.getMessage());
        problem.setProperty("orderStatus", e.status().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(OrderNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "order-not-found", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "The request body is not valid JSON of the expected shape."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Some fields are missing or invalid.");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
