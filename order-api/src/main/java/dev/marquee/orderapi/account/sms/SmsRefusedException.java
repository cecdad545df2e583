package dev.marquee.orderapi.account.sms;

import java.time.Duration;

/**
 * A code not sent or not accepted, with the problem code the edge answers: {@code sms-cooldown},
 * {@code sms-too-many} (429 with Retry-After), {@code sms-code-invalid}, {@code sms-code-expired} (401),
 * {@code sms-code-locked} (429).
 */
public class SmsRefusedException extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;
    private final Integer triesLeft;

    SmsRefusedException(int status, String code, String message, Duration retryAfter, Integer triesLeft) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.triesLeft = triesLeft;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** When to ask again, for the 429s; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Wrong tries left on this code, for {@code sms-code-invalid}; null otherwise. */
    public Integer triesLeft() {
        return triesLeft;
    }
}
