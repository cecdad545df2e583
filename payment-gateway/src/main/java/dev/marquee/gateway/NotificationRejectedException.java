package dev.marquee.gateway;

/**
 * A callback that must not be believed. {@link #code()} is stable and kebab-case, fit for a problem response or a
 * metric tag: {@value #SIGNATURE_INVALID}, {@value #MALFORMED}, {@value #STALE} or {@value #NOT_OURS}.
 */
public class NotificationRejectedException extends RuntimeException {

    /** The signature is missing or does not verify with the configured key or secret. */
    public static final String SIGNATURE_INVALID = "signature-invalid";
    /** Signed correctly, but a required field is missing or unreadable. */
    public static final String MALFORMED = "notification-malformed";
    /** Signed too long ago (or too far ahead) for the configured window: possibly a replay. */
    public static final String STALE = "notification-stale";
    /** Signed by the gateway, but for another merchant's app or seller account than the one configured here. */
    public static final String NOT_OURS = "notification-not-ours";

    private final String code;

    NotificationRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    static NotificationRejectedException signatureInvalid(String message) {
        return new NotificationRejectedException(SIGNATURE_INVALID, message);
    }

    static NotificationRejectedException malformed(String message) {
        return new NotificationRejectedException(MALFORMED, message);
    }

    static NotificationRejectedException stale(String message) {
        return new NotificationRejectedException(STALE, message);
    }

    static NotificationRejectedException notOurs(String message) {
        return new NotificationRejectedException(NOT_OURS, message);
    }

    public String code() {
        return code;
    }
}
