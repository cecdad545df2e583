package dev.marquee.orderapi.catalog.web;

import dev.marquee.orderapi.catalog.CatalogRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused catalog change: its status, its {@code code} and details (errors, seatTypes, screeningId). */
@RestControllerAdvice
class CatalogProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(CatalogRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        problem.setProperty("code", e.code());
        e.details().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }
}
