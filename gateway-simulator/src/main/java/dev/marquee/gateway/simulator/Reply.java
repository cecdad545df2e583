package dev.marquee.gateway.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

import static java.nio.charset.StandardCharsets.UTF_8;

/** What an endpoint answers: status, content type and body. */
record Reply(int status, String contentType, byte[] body) {

    static final ObjectMapper JSON = JsonMapper.builderWithJackson2Defaults()
            .addModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance)).build();

    static Reply json(Object value) {
        try {
            return new Reply(200, "application/json", JSON.writeValueAsBytes(value));
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    static Reply html(String page) {
        return new Reply(200, "text/html; charset=utf-8", page.getBytes(UTF_8));
    }

    /** An RFC 9457 problem with the simulator's {@code code}. */
    static Reply problem(int status, String code, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", code.replace('-', ' '));
        problem.put("status", status);
        problem.put("code", code);
        problem.put("detail", detail);
        try {
            return new Reply(status, "application/problem+json", JSON.writeValueAsBytes(problem));
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }
}
