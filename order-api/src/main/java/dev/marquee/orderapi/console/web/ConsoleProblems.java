package dev.marquee.orderapi.console.web;

import dev.marquee.orderapi.console.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The console's own problem: another service it asked on the operator's behalf did not answer. */
@RestControllerAdvice(basePackages = "dev.marquee.orderapi.console.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleProblems {

    private static final Logger log = LoggerFactory.getLogger(ConsoleProblems.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException e) {
        log.warn("console: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setProperty("code", "service-unavailable");
        problem.setProperty("service", e.service());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }
}
