package dev.marquee.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SteadyPartsTest {

    @Test
    void theGeneratedHallsHoldSixtyThousandSeatsInThreeSizes() {
        assertThat(SteadyCatalog.seats()).isEqualTo(60_000);
        assertThat(SteadyCatalog.rows(0)).hasSize(10).allMatch(r -> r.equals("SSSSSS_SSSSSS"));
        assertThat(SteadyCatalog.rows(1)).hasSize(15);
        assertThat(SteadyCatalog.rows(4)).hasSize(22).allMatch(r -> r.replace("_", "").length() == 30);
    }

    @Test
    void threadsAreGroupedByTheServiceTheyWorkFor() {
        ServiceCpu cpu = new ServiceCpu(Map.of(8080, "order-api", 8081, "box-office"));

        assertThat(cpu.groupOf("http-nio-8080-exec-3")).isEqualTo("order-api (HTTP)");
        assertThat(cpu.groupOf("http-nio-8081-exec-1")).isEqualTo("box-office (HTTP)");
        assertThat(cpu.groupOf("seat-allocator-order-requests-0-C-1")).isEqualTo("seat-allocator");
        assertThat(cpu.groupOf("C2 CompilerThread0")).isEqualTo("JIT compilers");
        assertThat(cpu.groupOf("kafka-request-handler-3")).isEqualTo("Kafka broker");
        assertThat(cpu.groupOf("outbox-relay")).isEqualTo("outbox relay (Debezium)");
        assertThat(cpu.groupOf("redisson-netty-1-4")).isEqualTo("Redisson");
        assertThat(cpu.groupOf("something else")).isEqualTo("other");
    }
}
