package dev.marquee.orderapi.account.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Six-digit codes, uniformly drawn from a {@link SecureRandom}, and how a presented code is judged. Redis keeps only
 * a code's SHA-256 (with its phone), so reading Redis does not give away live codes; the digests are compared in
 * constant time.
 */
final class OneTimeCodes {

    enum Verdict { RIGHT, WRONG, LOCKED, EXPIRED }

    private final RandomGenerator random;

    OneTimeCodes(RandomGenerator random) {
        this.random = random;
    }

    static OneTimeCodes secure() {
        return new OneTimeCodes(new SecureRandom());
    }

    String next() {
        return "%06d".formatted(random.nextInt(1_000_000));
    }

    static byte[] digest(String phone, String code) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((phone + ":" + code).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * @param stored   the live code's digest, or null when there is none (never sent, expired, used)
     * @param tries    tries of that code so far, this one included (counted in Redis before judging)
     * @param maxTries wrong tries a code takes: the try after them is refused, right or wrong
     */
    static Verdict judge(byte[] stored, long tries, byte[] presented, int maxTries) {
        if (stored == null) {
            return Verdict.EXPIRED;
        }
        if (tries > maxTries) {
            return Verdict.LOCKED;
        }
        return MessageDigest.isEqual(stored, presented) ? Verdict.RIGHT : Verdict.WRONG;
    }
}
