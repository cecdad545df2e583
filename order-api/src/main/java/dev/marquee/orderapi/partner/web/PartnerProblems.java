package dev.marquee.orderapi.partner.web;

import dev.marquee.orderapi.partner.AppNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details with stable codes for partner apps (listed in README). */
@RestControllerAdvice(assignableTypes = {PartnerAppsController.class, ClientCredentialsController.class})
class PartnerProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(AppNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "app-not-found", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(GrantRefusedException e) {
        return problem(e.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }
}
