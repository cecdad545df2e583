package dev.marquee.orderapi.web;

import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Overload policy for a shared machine: finish what was accepted before accepting more. The request threads run
 * at {@code marquee.edge.thread-priority} (default: normal), so that where order-api shares cores with the relay
 * and the allocator (the embedded stack, ./marquee run and bench) a flash crowd at the edge cannot starve the
 * pipeline that decides the orders already accepted. Java priorities reach the OS only with
 * {@code -XX:ThreadPriorityPolicy=1}, which ./marquee sets; in a container of its own the setting changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class EdgePriority {

    @Bean
    TomcatProtocolHandlerCustomizer<AbstractProtocol<?>> edgeThreadPriority(
            EdgeProperties properties) {
        return protocol -> protocol.setThreadPriority(properties.threadPriority());
    }
}
