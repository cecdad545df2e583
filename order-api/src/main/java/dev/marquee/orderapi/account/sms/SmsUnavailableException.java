package dev.marquee.orderapi.account.sms;

/** The SMS gateway did not take the message: nothing was counted against the phone or the client. */
public class SmsUnavailableException extends RuntimeException {

    public SmsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
