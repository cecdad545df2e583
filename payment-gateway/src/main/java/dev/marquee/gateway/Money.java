package dev.marquee.gateway;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** Converts amounts between minor units and the decimal strings gateways write, by the currency's fraction digits. */
public final class Money {

    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");

    private Money() {
    }

    /**
     * {@code "12.50", "CNY"} gives 1250; {@code "500", "JPY"} gives 500.
     *
     * @throws IllegalArgumentException for a negative or non-numeric amount, more fraction digits than the currency
     *                                  has, an unknown currency, or an amount too large for a {@code long}
     */
    public static long toMinor(String decimal, String currency) {
        int digits = fractionDigits(currency);
        if (decimal == null || !DECIMAL.matcher(decimal).matches()) {
            throw new IllegalArgumentException("not a non-negative decimal amount: " + decimal);
        }
        BigDecimal amount = new BigDecimal(decimal);
        if (amount.scale() > digits) {
            throw new IllegalArgumentException(currency + " has " + digits + " fraction digits, got " + decimal);
        }
        try {
            return amount.movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount out of range: " + decimal, e);
        }
    }

    /** {@code 1250, "CNY"} gives {@code "12.50"}; {@code 500, "JPY"} gives {@code "500"}. */
    public static String toDecimal(long minor, String currency) {
        if (minor < 0) {
            throw new IllegalArgumentException("negative amount: " + minor);
        }
        return BigDecimal.valueOf(minor, fractionDigits(currency)).toPlainString();
    }

    private static int fractionDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(currency + " is not a currency of payments");
        }
        return digits;
    }
}
