package dev.marquee.gateway.simulator;

import java.net.URI;
import java.time.Instant;

/**
 * One notification about a trade: its copies and resends all carry the same {@code notifyId}.
 *
 * @param outcome   what it announces, which for a late out-of-order notice differs from the trade's
 * @param createdAt when the gateway raised it (Stripe's {@code created})
 * @param corrupt   whether every signature sent for it is spoiled
 */
record Notice(String notifyId, Trade trade, Outcome outcome, URI notifyUrl, Instant createdAt, boolean corrupt) {

    /** The text with one character changed, at {@code index}; 'a' and 'b' are both base64 and hex. */
    static String spoiled(String signature, int index) {
        char replacement = signature.charAt(index) == 'a' ? 'b' : 'a';
        return signature.substring(0, index) + replacement + signature.substring(index + 1);
    }
}
