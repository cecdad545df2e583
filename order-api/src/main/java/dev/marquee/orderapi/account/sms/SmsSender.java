package dev.marquee.orderapi.account.sms;

/**
 * Sends a text message. The default posts to the gateway at {@code marquee.accounts.sms.gateway-url} (the
 * simulator's {@code /sms/send} in the demo); a deployment puts its provider's client behind this interface.
 */
public interface SmsSender {

    /** @throws SmsUnavailableException when the message was not accepted for delivery */
    void send(String phone, String text);
}
