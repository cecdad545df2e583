package dev.marquee.orderapi.partner;

import java.time.Duration;

/** Remembers the nonces partners used, across every instance. */
public interface NonceStore {

    /** True the first time this app uses this nonce within {@code keepFor}; false for a replay. */
    boolean firstUse(String appKey, String nonce, Duration keepFor);
}
