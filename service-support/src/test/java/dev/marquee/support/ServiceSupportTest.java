package dev.marquee.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class ServiceSupportTest {

    @Test
    void problemsSpringRaisesGetACodeFromTheirStatus() {
        assertThat(CodedProblems.codeOf(HttpStatusCode.valueOf(404))).isEqualTo("not-found");
        assertThat(CodedProblems.codeOf(HttpStatusCode.valueOf(415))).isEqualTo("unsupported-media-type");
        assertThat(CodedProblems.codeOf(HttpStatusCode.valueOf(499))).isEqualTo("http-499");
    }

    /** Consumers retry until they succeed: the backoff grows to 5 s and never says stop. */
    @Test
    void theBackOffNeverGivesUp() {
        BackOff backOff = RetryingConsumers.backOff();
        BackOffExecution execution = backOff.start();

        assertThat(execution.nextBackOff()).isEqualTo(100);
        assertThat(execution.nextBackOff()).isEqualTo(200);
        long last = 0;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            last = execution.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(last).isEqualTo(5_000);
    }
}
