package dev.marquee.orderapi.partner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a partner signs: six lines joined by {@code \n}, without a trailing newline.
 * <pre>
 * METHOD            upper case: POST
 * path              as sent, without the query: /api/orders
 * query             each name and value percent-decoded, then RFC 3986 encoded (only A-Z a-z 0-9 - . _ ~ stay
 *                   as they are, upper-case hex), pairs sorted by name then value, "name=value" joined by "&amp;";
 *                   empty when there is none
 * body hash         hex SHA-256 of the body's bytes (of nothing for an empty body: e3b0c442...b855)
 * timestamp         X-Marquee-Timestamp, epoch seconds
 * nonce             X-Marquee-Nonce
 * </pre>
 * A {@code +} in the query is a space, as the servlet reads it, so what is signed is what the endpoint sees.
 * Both sides compute this from the request as it travels; {@link RequestSigner} does so for clients.
 */
public final class CanonicalRequest {

    private static final HexFormat HEX = HexFormat.of();

    private CanonicalRequest() {
    }

    /** @throws IllegalArgumentException when the query holds a malformed percent-escape */
    public static String of(String method, String path, String rawQuery, byte[] body, String timestamp, String nonce) {
        return String.join("\n", method.toUpperCase(Locale.ROOT), path.isEmpty() ? "/" : path,
                query(rawQuery), bodyHash(body), timestamp, nonce);
    }

    /** The canonical query of a raw one ({@code b=2&a=x%20y}, or null): {@code a=x%20y&b=2}. */
    public static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder canonical = new StringBuilder(rawQuery.length() + 8);
        for (String[] pair : pairs) {
            canonical.append(canonical.isEmpty() ? "" : "&").append(pair[0]).append('=').append(pair[1]);
        }
        return canonical.toString();
    }

    /** Hex SHA-256 of the body; an absent body hashes as an empty one. */
    public static String bodyHash(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** RFC 3986: the unreserved characters as they are, every other UTF-8 byte as %XX with upper-case hex. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.toHexDigits(b).toUpperCase(Locale.ROOT));
            }
        }
        return encoded.toString();
    }

    /** Percent-decoding as UTF-8, {@code +} as a space. */
    static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("truncated percent-escape in the query");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("malformed percent-escape in the query");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                int codePoint = text.codePointAt(i);
                byte[] raw = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
