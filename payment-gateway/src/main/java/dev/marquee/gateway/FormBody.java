package dev.marquee.gateway;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import static java.nio.charset.StandardCharsets.UTF_8;

/** {@code application/x-www-form-urlencoded} in UTF-8, both ways. */
final class FormBody {

    private FormBody() {
    }

    static byte[] encode(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(URLEncoder.encode(name, UTF_8) + "=" + URLEncoder.encode(value, UTF_8)));
        return body.toString().getBytes(UTF_8);
    }

    /** @throws IllegalArgumentException on a bad escape or a field given twice */
    static Map<String, String> decode(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, UTF_8);
        if (text.isBlank()) {
            return fields;
        }
        for (String pair : text.trim().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8);
            if (fields.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("field " + name + " given twice");
            }
        }
        return fields;
    }
}
