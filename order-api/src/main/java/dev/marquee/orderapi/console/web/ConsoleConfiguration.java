package dev.marquee.orderapi.console.web;

import dev.marquee.orderapi.console.ConsoleProperties;
import dev.marquee.orderapi.console.LagHistory;
import dev.marquee.support.BackgroundSchedule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleConfiguration {

    /** The console's consumer-lag samples, on a thread of their own (named for the service, as its scheduler is). */
    @Bean(destroyMethod = "close")
    BackgroundSchedule consumerLagSamples(LagHistory history) {
        return BackgroundSchedule.every(LagHistory.EVERY, "order-api-console-lag", history::sample);
    }
}
