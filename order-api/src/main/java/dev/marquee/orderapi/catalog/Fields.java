package dev.marquee.orderapi.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects what is missing or malformed in a request, and refuses it with all of them at once. */
final class Fields {

    private final Map<String, String> problems = new LinkedHashMap<>();

    Fields required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            problems.put(field, "required");
        }
        return this;
    }

    Fields check(boolean ok, String field, String reason) {
        if (!ok) {
            problems.putIfAbsent(field, reason);
        }
        return this;
    }

    void orRefuse() {
        if (!problems.isEmpty()) {
            throw CatalogRefusedException.invalid(problems);
        }
    }
}
