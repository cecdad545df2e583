package dev.marquee.orderapi.ratelimit;

import java.util.Locale;

/** Which bucket a request draws on; its label is the problem's {@code limit} property. */
public enum LimitKind {
    USER, IP, APP, SCREENING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
