package dev.marquee.orderapi.ratelimit.web;

import java.time.Clock;

import dev.marquee.orderapi.order.PlacementGate;
import dev.marquee.orderapi.ratelimit.RateLimitProperties;
import dev.marquee.orderapi.ratelimit.RateLimiting;
import dev.marquee.orderapi.ratelimit.persistence.RedisTokenBuckets;
import dev.marquee.support.BackgroundSchedule;
import dev.marquee.support.security.SecurityChainCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.redisson.api.RedissonClient;
import org.springdoc.core.customizers.OperationCustomizer;
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
    PlacementGate limitedPlacement(RateLimiting limits) {
        return new LimitedPlacement(limits);
    }

    /** Draws the deferred tokens (refused orders') in one batch every {@code deferred-flush}. */
    @Bean(destroyMethod = "close")
    BackgroundSchedule deferredRateLimits(RateLimiting limits, RateLimitProperties properties) {
        return BackgroundSchedule.every(properties.deferredFlush(), "rate-limit-flush", limits::flush);
    }

    /** Every operation but the gateways' notifications can answer 429 {@code rate-limited}: said in the API docs. */
    @Bean
    OperationCustomizer rateLimitedResponses() {
        return (operation, handler) -> {
            if (handler.getBeanType().getSimpleName().equals("PaymentNotifyController")) {
                return operation;
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            responses.addApiResponse("429", new ApiResponse()
                    .description("- `rate-limited`: over a rate limit (`limit` names it); retry after `Retry-After` s")
                    .content(new Content().addMediaType("application/problem+json", new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/Problem")))));
            operation.setResponses(responses);
            return operation;
        };
    }

    @Bean
    SecurityChainCustomizer rateLimits(RateLimiting limits) {
        RateLimitFilter filter = new RateLimitFilter(limits);
        return http -> http.addFilterBefore(filter, AuthorizationFilter.class);
    }
}
