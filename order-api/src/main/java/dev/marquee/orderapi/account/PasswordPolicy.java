package dev.marquee.orderapi.account;

import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least {@code minLength} characters (NIST SP 800-63B asks for 8 at least; we ask
 * {@value #DEFAULT_MIN_LENGTH} by default), at most {@value #MAX_LENGTH} (hashing is not free), not one of the
 * passwords every attacker tries first, not one character repeated or a run like {@code 1234567890}, and not the
 * phone number. No composition rules (they make passwords worse, not better).
 */
final class PasswordPolicy {

    static final int DEFAULT_MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of("password", "password1", "password12", "password123",
            "password1234", "passw0rd", "1234567890", "0987654321", "12345678910", "1234567890a", "qwertyuiop", "qwertyuiop1", "1q2w3e4r5t", "1qaz2wsx3edc", "iloveyou12",
            "abcdefghij", "abc1234567", "abcd123456", "aaaaaaaaaa", "letmein123", "welcome123", "admin12345",
            "administrator", "changeme123", "qwerty1234", "qwerty12345", "sunshine12", "football12", "monkey1234",
            "dragon1234", "marquee123", "marquee1234", "zxcvbnm123", "asdfghjkl1", "woaini1314", "woaini520",
            "princess12", "trustno1234", "baseball12");

    private final int minLength;

    PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /** @throws AccountRefusedException {@code password-weak}, saying why */
    void check(String password, PhoneNumber phone) {
        if (password == null || password.length() < minLength) {
            throw weak("at least " + minLength + " characters are needed");
        }
        if (password.length() > MAX_LENGTH) {
            throw weak("at most " + MAX_LENGTH + " characters are taken");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw weak("it is one of the passwords tried first by everyone who guesses");
        }
        if (lower.chars().distinct().count() <= 2 || isRun(lower)) {
            throw weak("it is a repeated character or a simple run");
        }
        if (phone != null && lower.contains(phone.value().substring(phone.value().length() - 8))) {
            throw weak("it contains the phone number");
        }
    }

    /** Every character one after the previous one ({@code 0123456789}, {@code abcdefghij}) or one before it. */
    private static boolean isRun(String s) {
        int step = s.charAt(1) - s.charAt(0);
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            if (s.charAt(i) - s.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }

    private static AccountRefusedException weak(String why) {
        return new AccountRefusedException(400, "password-weak", "Choose another password: " + why + ".");
    }
}
