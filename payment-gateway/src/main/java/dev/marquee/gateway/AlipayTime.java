package dev.marquee.gateway;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Alipay's timestamps ({@code notify_time}, {@code gmt_payment}): {@code yyyy-MM-dd HH:mm:ss} in Beijing time. */
public final class AlipayTime {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private AlipayTime() {
    }

    /** The instant as Alipay writes it, to the second. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.atZone(BEIJING));
    }

    /** @throws java.time.format.DateTimeParseException if the text is not in Alipay's format */
    public static Instant parse(String text) {
        return LocalDateTime.parse(text, FORMAT).atZone(BEIJING).toInstant();
    }
}
