package dev.marquee.relay;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Whether the connector's binlog client is connected, as Debezium's own streaming metrics say (the {@code Connected}
 * attribute of its MBean, which Debezium registers on the platform MBean server whatever Spring's JMX setting). The
 * engine keeps running while the database is away and its binlog client reconnects; only this tells the two apart.
 */
final class BinlogConnection {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName streaming;

    BinlogConnection(String topicPrefix) {
        try {
            this.streaming = new ObjectName("debezium.*:type=connector-metrics,context=streaming,server="
                    + topicPrefix + ",*");
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a connector name: " + topicPrefix, e);
        }
    }

    /** Connected or not; empty while the connector has not registered its streaming metrics (it is starting). */
    Optional<Boolean> connected() {
        Set<ObjectName> names = server.queryNames(streaming, null);
        for (ObjectName name : names) {
            try {
                if (server.getAttribute(name, "Connected") instanceof Boolean connected) {
                    return Optional.of(connected);
                }
            } catch (Exception e) {
                // unregistered in between (the engine stopped): as if it were not there
            }
        }
        return Optional.empty();
    }
}
