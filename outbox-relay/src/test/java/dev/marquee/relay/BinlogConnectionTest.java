package dev.marquee.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.junit.jupiter.api.Test;

/**
 * The binlog client's state is read from the MBean Debezium registers for a connector's streaming (named after its
 * topic prefix), on the platform MBean server: here an MBean of that name and attribute stands in for it.
 */
class BinlogConnectionTest {

    public interface StreamingMetricsMXBean {
        boolean isConnected();
    }

    @Test
    void saysWhatTheConnectorsStreamingMetricsSay() throws Exception {
        String prefix = "test-" + UUID.randomUUID();
        BinlogConnection binlog = new BinlogConnection(prefix);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("debezium.mariadb:type=connector-metrics,context=streaming,server=" + prefix);
        boolean[] connected = {true};

        assertThat(binlog.connected()).isEmpty();
        server.registerMBean(new StandardMBean((StreamingMetricsMXBean) () -> connected[0],
                StreamingMetricsMXBean.class, true), name);
        try {
            assertThat(binlog.connected()).contains(true);
            connected[0] = false;
            assertThat(binlog.connected()).contains(false);
            assertThat(new BinlogConnection("another-" + prefix).connected()).isEmpty();
        } finally {
            server.unregisterMBean(name);
        }
        assertThat(binlog.connected()).isEmpty();
    }
}
