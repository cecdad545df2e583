package dev.marquee.gateway;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A parsed {@code Stripe-Signature} header: the timestamp and every {@code v1} signature (other schemes ignored). */
record StripeSignatureHeader(long timestamp, List<byte[]> v1) {

    static StripeSignatureHeader parse(String header) {
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            try {
                switch (key) {
                    case "t" -> timestamp = Long.parseLong(value);
                    case "v1" -> signatures.add(HexFormat.of().parseHex(value));
                    default -> { }
                }
            } catch (IllegalArgumentException unreadable) {
                // an unreadable entry proves nothing; the remaining ones may still match
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw NotificationRejectedException.signatureInvalid("no timestamp or no v1 signature in " + header);
        }
        return new StripeSignatureHeader(timestamp, List.copyOf(signatures));
    }
}
