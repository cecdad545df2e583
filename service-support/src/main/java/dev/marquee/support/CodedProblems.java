package dev.marquee.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of every service's {@code @RestControllerAdvice}: each error is an RFC 9457 problem-details body with
 * a stable {@code code} property that clients match on. The services' own problems name their code; those Spring
 * raises itself (404, 405, 406, an unreadable body, ...) get one derived from the status ({@code not-found},
 * {@code method-not-allowed}, ...).
 */
public abstract class CodedProblems extends ResponseEntityExceptionHandler {

    protected static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeOf(status));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static String codeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }
}
