package dev.marquee.orderapi.catalog.imports.xlsx;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Dates in a workbook: a date is a number (days since 1900, or 1904) whose cell's number format shows a date or a
 * time. Which formats do, and how a day number becomes a date and time, follow Apache POI's {@code DateUtil} (which
 * the import used before), so a workbook reads as it did: the built-in formats 14-22 and 45-47, and any custom format
 * made only of date and time letters ({@code yyyy-mm-dd hh:mm}, {@code [$-409]d-mmm-yy;@}, {@code [h]:mm}).
 */
final class DateFormats {

    /** 9999-12-31, the last day a workbook can show: a larger number with a date format reads as a number. */
    private static final double LAST_DAY = 2_958_465;
    private static final BigDecimal NANOS_PER_DAY = BigDecimal.valueOf(86_400L * 1_000_000_000L);
    private static final BigDecimal HALF_MILLI = BigDecimal.valueOf(500_000L);

    private static final Pattern ELAPSED = Pattern.compile("^\\[([hH]+|[mM]+|[sS]+)]");
    private static final Pattern CHINESE_NUMERALS = Pattern.compile("^\\[DBNum([123])]");
    private static final Pattern LOCALE = Pattern.compile("^\\[\\$-.*?]");
    private static final Pattern COLOUR = Pattern.compile("^\\[[a-zA-Z]+]");
    private static final Pattern DATE_LETTER = Pattern.compile("[yYmMdDhHsS]");
    private static final Pattern ONLY_DATE = Pattern.compile(
            "^[\\[\\]yYmMdDhHsS\\-T/\u5e74\u6708\u65e5,. :\"\\\\]+0*[ampAMP/]*$");

    private DateFormats() {
    }

    static boolean isBuiltInDate(int id) {
        return id >= 14 && id <= 22 || id >= 45 && id <= 47;
    }

    /** Whether a number with this format is a date: a built-in date format, or a custom code of date letters. */
    static boolean isDate(int id, String code) {
        if (isBuiltInDate(id)) {
            return true;
        }
        if (code == null || code.isEmpty()) {
            return false;
        }
        String format = unescaped(code);
        if (ELAPSED.matcher(format).matches()) {
            return true;
        }
        format = CHINESE_NUMERALS.matcher(format).replaceAll("");
        format = LOCALE.matcher(format).replaceAll("");
        format = COLOUR.matcher(format).replaceAll("");
        int section = format.indexOf(';');
        if (section > 0 && section < format.length() - 1) {
            format = format.substring(0, section); // the format of positive numbers
        }
        return DATE_LETTER.matcher(format).find() && ONLY_DATE.matcher(format).matches();
    }

    /** {@code \-}, {@code \,}, {@code \.}, {@code \ } and {@code \\} as the character alone; {@code ;@} dropped. */
    private static String unescaped(String code) {
        StringBuilder plain = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (i < code.length() - 1) {
                char next = code.charAt(i + 1);
                if (c == '\\' && "-,. \\".indexOf(next) >= 0) {
                    continue;
                }
                if (c == ';' && next == '@') {
                    i++;
                    continue;
                }
            }
            plain.append(c);
        }
        return plain.toString();
    }

    /** Whether a number can be read as a day: not negative, not past 9999. */
    static boolean isDay(double days) {
        return days >= 0 && days <= LAST_DAY + 1;
    }

    /**
     * The date and time a day number stands for, to the millisecond. In the 1900 system day 1 is 1900-01-01 and day 60
     * the 29 February 1900 that never was (Lotus's mistake, kept by Excel), read as 1 March like POI; in the 1904
     * system day 0 is 1904-01-01.
     */
    static LocalDateTime dateTime(double days, boolean date1904) {
        BigDecimal exact = BigDecimal.valueOf(days);
        int whole = exact.intValue();
        LocalDateTime start = date1904 ? LocalDateTime.of(1904, 1, 1, 0, 0) : LocalDateTime.of(1900, 1, 1, 0, 0);
        int adjust = date1904 ? 0 : whole < 61 ? -1 : -2;
        long nanos = exact.subtract(BigDecimal.valueOf(whole)).multiply(NANOS_PER_DAY).add(HALF_MILLI).longValue();
        return start.plusDays(whole + adjust).plusNanos(nanos).truncatedTo(ChronoUnit.MILLIS);
    }
}
