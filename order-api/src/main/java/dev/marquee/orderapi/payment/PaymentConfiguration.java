package dev.marquee.orderapi.payment;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentSettings.class)
class PaymentConfiguration {

    @Bean
    PaymentGateways paymentGateways(PaymentSettings settings, Clock clock) {
        return new PaymentGateways(settings, clock);
    }
}
