package dev.marquee.orderapi.payment.web;

import dev.marquee.orderapi.payment.CallbacksUnavailableException;
import dev.marquee.orderapi.payment.PaymentRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details with stable codes for payments and gateway notifications (listed in README). */
@RestControllerAdvice
class PaymentProblems {

    private static final Logger log = LoggerFactory.getLogger(PaymentProblems.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(PaymentRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        problem.setProperty("code", e.code());
        e.details().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    /** Kafka is away: the gateway must resend, which it does with backoff. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(CallbacksUnavailableException e) {
        log.warn("payment notification not stored, the gateway will resend: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The notification could not be stored; send it again.");
        problem.setProperty("code", "notification-not-stored");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }
}
