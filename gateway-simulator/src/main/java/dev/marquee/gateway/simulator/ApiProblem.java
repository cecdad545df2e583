package dev.marquee.gateway.simulator;

/** A request the simulator refuses, answered as {@code application/problem+json} with a stable {@code code}. */
final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;

    ApiProblem(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    static ApiProblem malformed(String detail) {
        return new ApiProblem(400, "request-malformed", detail);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
