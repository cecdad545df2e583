package dev.marquee.orderapi.account;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: {@code +}, a country code and the subscriber number, 8 to 15 digits in all
 * ({@code +8613800138000}). Spaces, dashes, dots and brackets people type are dropped; nothing else is guessed
 * (no default country: a number without its {@code +} is refused).
 */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    public PhoneNumber {
        if (value == null || !E164.matcher(value).matches()) {
            throw new AccountRefusedException(400, "phone-invalid",
                    "A phone number in international form is needed, e.g. +8613800138000.");
        }
    }

    public static PhoneNumber parse(String typed) {
        return new PhoneNumber(typed == null ? null : typed.replaceAll("[\\s\\-.()]", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
