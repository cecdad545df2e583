package dev.marquee.launcher.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.marquee.launcher.Pipeline;
import org.HdrHistogram.Histogram;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What authenticating a request costs order-api: its own token decoder (RS256 signature, expiry, issuer and the
 * revocation check, exactly what the security chain runs on every request) timed over the bench's customers'
 * tokens, on the running service after the timed part. Nothing is cached between tokens: each is verified in full.
 */
record AuthCost(long tokens, double meanMicros, double p50Micros, double p99Micros) {

    private static final int WARM_UP = 200;
    private static final int MAX_TIMED = 5_000;

    static AuthCost measure(Pipeline pipeline, List<String> tokens) {
        JwtDecoder decoder = pipeline.context("order-api").getBean(JwtDecoder.class);
        for (int i = 0; i < Math.min(WARM_UP, tokens.size()); i++) {
            decoder.decode(tokens.get(i));
        }
        Histogram nanos = new Histogram(3);
        for (int i = WARM_UP; i < Math.min(tokens.size(), WARM_UP + MAX_TIMED); i++) {
            long start = System.nanoTime();
            decoder.decode(tokens.get(i));
            nanos.recordValue(System.nanoTime() - start);
        }
        return new AuthCost(nanos.getTotalCount(), round(nanos.getMean() / 1e3),
                round(nanos.getValueAtPercentile(50) / 1e3), round(nanos.getValueAtPercentile(99) / 1e3));
    }

    Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("tokens", tokens);
        j.put("meanMicros", meanMicros);
        j.put("p50Micros", p50Micros);
        j.put("p99Micros", p99Micros);
        return j;
    }

    @Override
    public String toString() {
        return "token verification at order-api: mean %.1f µs, p50 %.1f µs, p99 %.1f µs (n=%d)".formatted(meanMicros,
                p50Micros, p99Micros, tokens);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
