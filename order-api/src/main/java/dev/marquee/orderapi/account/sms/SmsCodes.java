package dev.marquee.orderapi.account.sms;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-time sign-in codes by SMS: {@link #send} draws a code and texts it, within the cooldown and the per-phone
 * and per-address limits; {@link #verify} accepts it once, within its time to live and its tries. The phone is
 * expected in E.164 form already (the caller validated it).
 */
public final class SmsCodes {

    private static final Logger log = LoggerFactory.getLogger(SmsCodes.class);

    private final SmsCodeStore store;
    private final SmsSender sender;
    private final OneTimeCodes codes;
    private final SmsProperties properties;

    SmsCodes(SmsCodeStore store, SmsSender sender, OneTimeCodes codes, SmsProperties properties) {
        this.store = store;
        this.sender = sender;
        this.codes = codes;
        this.properties = properties;
    }

    /**
     * Texts a fresh code to the phone, replacing any earlier one.
     *
     * @param clientAddress the asking client's address, for the per-address limit
     * @throws SmsRefusedException {@code sms-cooldown} or {@code sms-too-many}
     * @throws SmsUnavailableException the gateway did not take it; nothing was counted
     */
    public void send(String phone, String clientAddress) {
        SmsCodeStore.Refusal refusal = store.reserveSend(phone, clientAddress, properties);
        if (refusal != null) {
            Duration retryAfter = Duration.ofMillis(Math.max(1000, refusal.retryAfterMillis()));
            if ("cooldown".equals(refusal.limit())) {
                throw new SmsRefusedException(429, "sms-cooldown", "A code was sent to this phone moments ago;"
                        + " ask again in " + retryAfter.toSeconds() + " s.", retryAfter, null);
            }
            throw new SmsRefusedException(429, "sms-too-many", "Too many codes sent " + ("ip".equals(refusal.limit())
                    ? "from this address" : "to this phone") + "; ask again later.", retryAfter, null);
        }
        String code = codes.next();
        try {
            sender.send(phone, "Your Marquee sign-in code is " + code + ". It is valid for "
                    + properties.codeTtl().toMinutes() + " minutes. Never share it.");
        } catch (RuntimeException e) {
            store.releaseSend(phone, clientAddress);
            log.warn("SMS code not sent, nothing counted: {}", e.toString());
            throw e instanceof SmsUnavailableException unavailable ? unavailable
                    : new SmsUnavailableException("the SMS gateway failed: " + e, e);
        }
        store.store(phone, OneTimeCodes.digest(phone, code), properties);
    }

    /**
     * Accepts the phone's live code once. Every try counts, in Redis, before it is judged.
     *
     * @throws SmsRefusedException {@code sms-code-invalid}, {@code sms-code-expired} or {@code sms-code-locked}
     */
    public void verify(String phone, String code) {
        byte[] presented = OneTimeCodes.digest(phone, code == null ? "" : code.strip());
        SmsCodeStore.Attempt attempt = store.countTry(phone);
        switch (OneTimeCodes.judge(attempt.digest(), attempt.tries(), presented, properties.maxTries())) {
            case RIGHT -> {
                if (!store.consume(phone, presented)) {
                    throw expired();
                }
            }
            case WRONG -> {
                int left = (int) Math.max(0, properties.maxTries() - attempt.tries());
                throw new SmsRefusedException(401, "sms-code-invalid", "That is not the code sent to this phone ("
                        + left + " tries left).", null, left);
            }
            case LOCKED -> throw new SmsRefusedException(429, "sms-code-locked", "Too many wrong tries: this code"
                    + " no longer works. Ask for a new one.", properties.cooldown(), null);
            case EXPIRED -> throw expired();
        }
    }

    private static SmsRefusedException expired() {
        return new SmsRefusedException(401, "sms-code-expired", "No live code for this phone: it expired, was"
                + " used, or was never sent. Ask for a new one.", null, null);
    }
}
