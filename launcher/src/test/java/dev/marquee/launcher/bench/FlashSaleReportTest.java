package dev.marquee.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The JSON line machines read: a sale whose attempts errored or that timed out says it failed. */
class FlashSaleReportTest {

    private static final FlashSalePlan PLAN = new FlashSalePlan(2, 3, 1, 0, 1, Duration.ofSeconds(5), 42, 0);

    @Test
    void aSaleWhoseAttemptsWereAllAnsweredIsOk() throws Exception {
        EdgeLog edge = new EdgeLog(2);
        edge.sending(0, 1, 1);
        edge.refused(0, "409 seats-taken", 2);
        edge.sending(1, 3, 3);
        edge.refused(1, "409 seats-taken", 4);

        JsonNode json = json(report(edge, false));

        assertThat(json.at("/invariants/erroredAttempts").asLong()).isZero();
        assertThat(json.at("/invariants/ok").asBoolean()).isTrue();
    }

    @Test
    void anAttemptThatErroredFailsTheSale() throws Exception {
        EdgeLog edge = new EdgeLog(2);
        edge.sending(0, 1, 1);
        edge.refused(0, "409 seats-taken", 2);
        edge.sending(1, 3, 3);
        edge.failed("HttpTimeoutException");

        JsonNode json = json(report(edge, false));

        assertThat(json.at("/invariants/erroredAttempts").asLong()).isEqualTo(1);
        assertThat(json.at("/errors/HttpTimeoutException").asLong()).isEqualTo(1);
        assertThat(json.at("/invariants/ok").asBoolean()).isFalse();
    }

    /** Seen on a run cut off before any answer: the edge's span came out as 9,223,369,407 s. */
    @Test
    void aSaleWithoutAnyAnswerSpansNoTime() throws Exception {
        EdgeLog edge = new EdgeLog(1);
        edge.sending(0, 1, 1);
        edge.failed("cut off by --timeout");

        JsonNode json = json(report(edge, true));

        assertThat(json.at("/edgeSeconds").asDouble()).isZero();
        assertThat(json.at("/invariants/ok").asBoolean()).isFalse();
    }

    @Test
    void aSaleThatTimedOutFails() throws Exception {
        EdgeLog edge = new EdgeLog(2);
        edge.sending(0, 1, 1);
        edge.refused(0, "409 seats-taken", 2);

        JsonNode json = json(report(edge, true));

        assertThat(json.at("/timedOut").asBoolean()).isTrue();
        assertThat(json.at("/invariants/ok").asBoolean()).isFalse();
    }

    private static FlashSaleReport report(EdgeLog edge, boolean timedOut) {
        DecisionMatch match = DecisionMatch.of(List.of(), Map.of(), -1, edge.refusals());
        Invariants invariants = new Invariants(0, 0, 0, 0, 0, 0, 300, 300, edge.errorsTotal(), timedOut);
        return new FlashSaleReport(PLAN, 300, edge, match, Stages.of(List.of(), Map.of(), Map.of()),
                new Milestones(null, null, null, 0), 0, invariants, timedOut, 10, new AuthCost(100, 80.5, 75.0, 150.2));
    }

    private static JsonNode json(FlashSaleReport report) throws Exception {
        return JsonMapper.builderWithJackson2Defaults().build().readTree(report.json());
    }
}
