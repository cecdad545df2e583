package dev.marquee.orderapi.account.web;

import dev.marquee.orderapi.account.AccountRefusedException;
import dev.marquee.orderapi.account.sms.SmsRefusedException;
import dev.marquee.orderapi.account.sms.SmsUnavailableException;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The accounts' problems, each with its code (README lists them). Ordered first and limited to these controllers
 * and the pages' session (the same sign-in), so that Redis away here reads {@code try-again}, not the orders'
 * {@code locks-unavailable}.
 */
@RestControllerAdvice(basePackages = {"dev.marquee.orderapi.account.web", "dev.marquee.orderapi.pages.web"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

    private static final Logger log = LoggerFactory.getLogger(AccountProblems.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(AccountRefusedException e) {
        return ResponseEntity.status(e.status()).body(problem(HttpStatus.valueOf(e.status()), e.code(), e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> smsRefused(SmsRefusedException e) {
        ProblemDetail problem = problem(HttpStatus.valueOf(e.status()), e.code(), e.getMessage());
        if (e.triesLeft() != null) {
            problem.setProperty("triesLeft", e.triesLeft());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        return answer.body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> smsUnavailable(SmsUnavailableException e) {
        log.warn("sign-in code not sent: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "sms-unavailable", "The code could not be texted just"
                        + " now; nothing was counted against this phone. Ask again in a moment."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> redisAway(RedisException e) {
        log.warn("accounts: Redis unavailable, answered 503: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "try-again", "Sign-in codes cannot be reached just"
                        + " now. Retry later."));
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
