package dev.marquee.boxoffice;

/** A figures query that cannot be answered as asked; {@code code} is stable for clients to branch on. */
public class InvalidQueryException extends IllegalArgumentException {

    private final String code;

    public InvalidQueryException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
