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

    /** A deadlock or an unreachable broker can pass; a constraint or a refused transition cannot. */
    @Test
    void failuresAreTransientOnlyWhenTheyCanPass() {
        assertThat(Failures.isTransient(new RuntimeException("listener failed",
                new org.springframework.dao.CannotAcquireLockException("Lock wait timeout exceeded")))).isTrue();
        assertThat(Failures.isTransient(new org.apache.kafka.common.errors.TimeoutException("broker away"))).isTrue();
        assertThat(Failures.isTransient(new java.sql.SQLTransientConnectionException("no connection"))).isTrue();
        assertThat(Failures.isTransient(new java.io.UncheckedIOException("refund call failed",
                new java.net.ConnectException("Connection refused")))).isTrue();
        assertThat(Failures.isTransient(new org.springframework.dao.DataIntegrityViolationException("Data too long")))
                .isFalse();
        assertThat(Failures.isTransient(new IllegalStateException("refused transition"))).isFalse();
        assertThat(Failures.isTransient(new RuntimeException(
                new org.redisson.client.RedisConnectionException("Unable to connect to Redis server")))).isTrue();
        assertThat(Failures.isTransient(new org.redisson.client.RedisResponseTimeoutException("no answer"))).isTrue();
        // whatever Redis answers, the record did not cause it: the same record is tried again
        assertThat(Failures.isTransient(new org.redisson.client.RedisException("ERR script error"))).isTrue();
        assertThat(Failures.isTransient(new IllegalStateException("redis away", new Busy()), java.util.Set.of(Busy.class)))
                .isTrue();
    }

    /** A permanent failure is tried three times in all, then set aside; a transient one never stops. */
    @Test
    void permanentFailuresAreTriedThreeTimesThenSetAside() {
        BackOffExecution permanent = RetryingConsumers.backOffFor(new IllegalArgumentException("bad"), java.util.Set.of())
                .start();
        assertThat(permanent.nextBackOff()).isEqualTo(100);
        assertThat(permanent.nextBackOff()).isEqualTo(100);
        assertThat(permanent.nextBackOff()).isEqualTo(BackOffExecution.STOP);

        BackOffExecution transientOne = RetryingConsumers.backOffFor(
                new org.springframework.dao.QueryTimeoutException("slow"), java.util.Set.of()).start();
        for (int attempt = 0; attempt < 100; attempt++) {
            assertThat(transientOne.nextBackOff()).isNotEqualTo(BackOffExecution.STOP);
        }
    }

    private static final class Busy extends RuntimeException {
    }
}
