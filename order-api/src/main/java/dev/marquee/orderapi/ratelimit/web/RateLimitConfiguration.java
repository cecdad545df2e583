package dev.marquee.orderapi.ratelimit.web;

import java.time.Clock;

import dev.marquee.orderapi.ratelimit.RateLimitProperties;
import dev.marquee.orderapi.ratelimit.RateLimiting;
import dev.marquee.orderapi.ratelimit.persistence.RedisTokenBuckets;
import dev.marquee.support.security.SecurityChainCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/** Rate limits ({@code marquee.rate-limits.*}), in the security chain after every authentication filter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    RateLimiting rateLimiting(RedissonClient redisson, RateLimitProperties properties, Clock clock,
                              MeterRegistry meters) {
        return new RateLimiting(new RedisTokenBuckets(redisson), properties, clock, meters);
    }

    @Bean
    SecurityChainCustomizer rateLimits(RateLimiting limits) {
        RateLimitFilter filter = new RateLimitFilter(limits);
        return http -> http.addFilterBefore(filter, AuthorizationFilter.class);
    }
}
