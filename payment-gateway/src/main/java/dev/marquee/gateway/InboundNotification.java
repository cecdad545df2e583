package dev.marquee.gateway;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A callback as it arrived over HTTP, before anyone trusted it. Header names are kept in lower case; the body is the
 * raw bytes, because signatures are computed over exactly those bytes (not copied, so do not change it).
 *
 * @param contentType the request's content type, or {@code null} (or blank) if it sent none
 */
public record InboundNotification(String contentType, Map<String, String> headers, byte[] body) {

    public InboundNotification {
        Map<String, String> lowerCase = new HashMap<>();
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lowerCase);
        body = body == null ? new byte[0] : body;
    }

    /** The header's value, looked up without regard to case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
