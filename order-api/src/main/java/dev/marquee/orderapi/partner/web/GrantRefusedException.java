package dev.marquee.orderapi.partner.web;

/** An app's grant that cannot be given: unreadable (400) or more than its creator holds (403). */
final class GrantRefusedException extends RuntimeException {

    private final String code;
    private final boolean forbidden;

    GrantRefusedException(String code, String message, boolean forbidden) {
        super(message);
        this.code = code;
        this.forbidden = forbidden;
    }

    String code() {
        return code;
    }

    boolean forbidden() {
        return forbidden;
    }
}
