package dev.marquee.schemas.serde;

/**
 * A schema registry refused a request, with the HTTP status and Confluent {@code error_code}
 * (e.g. 409/409 for an incompatible schema, 404/40403 for an unknown one), or could not be reached
 * at all (status and error code -1).
 */
public final class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super("Schema registry answered HTTP %d (error_code %d): %s".formatted(status, errorCode, message));
        this.status = status;
        this.errorCode = errorCode;
    }

    SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    /**
     * Whether the registry could not answer now (unreachable, or a 5xx) rather than refused: worth asking again.
     * An interrupted call is not.
     */
    public boolean unavailable() {
        return status >= 500 || status == -1 && !(getCause() instanceof InterruptedException);
    }
}
