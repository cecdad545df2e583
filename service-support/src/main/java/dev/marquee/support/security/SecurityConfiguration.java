package dev.marquee.support.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import dev.marquee.support.BackgroundSchedule;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may do what, the same in every service: bearer tokens verified against the configured keys
 * ({@link TokenProperties}), turned into a {@link Caller}; each handler's {@link Permits} checked by method security
 * against the caller's permission bits; handlers that declare nothing refused at start ({@link EndpointGuard});
 * actuator endpoints other than health need operations read; refusals as problem details ({@link SecurityProblems}).
 * No sessions, no cookies, no CSRF: every request carries its credentials.
 */
// after Redisson's, so that Revoking's @ConditionalOnBean(RedissonClient) sees the client the starter makes
@AutoConfiguration(afterName = {"org.redisson.spring.starter.RedissonAutoConfigurationV2",
        "org.redisson.spring.starter.RedissonAutoConfigurationV4"}, beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpSecurity.class)
@EnableConfigurationProperties({TokenProperties.class, RevocationProperties.class})
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    static MethodSecurityExpressionHandler marqueeMethodSecurityExpressionHandler() {
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setPermissionEvaluator(new PermissionBits());
        return handler;
    }

    @Bean
    static EndpointGuard marqueeEndpointGuard(ApplicationContext context) {
        return new EndpointGuard(context);
    }

    @Bean
    WebMvcConfigurer marqueePermitsFirst() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new PermitsFirst());
            }
        };
    }

    /**
     * No observation per security filter, authentication and authorization: they are not exported, and wrapping
     * each of the chain's filters cost 6% of a flash sale's edge CPU. The HTTP server's own observation (request
     * counts and latency per endpoint) stays.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings marqueeSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityProblems securityProblems() {
        return new SecurityProblems();
    }

    @Bean
    JwtDecoder jwtDecoder(TokenProperties properties, ObjectProvider<Revocations> revocations) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(TokenKeys.verifying(properties))));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // Spring's validators below check time and issuer
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        // Our issuer is a name, not a URL: Spring's default converter would try (and fail, with an exception per
        // request) to make it one before keeping the string. Measured: 3% of a flash sale's edge CPU.
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, iss -> iss == null ? null : iss.toString())));
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        revocations.ifAvailable(r -> validators.add(new RevocationCheck(r)));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    @Bean
    SecurityFilterChain marqueeSecurityFilterChain(HttpSecurity http, SecurityProblems problems,
                                                   ObjectProvider<SecurityChainCustomizer> customizers) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").access(operationsRead())
                        // everything else: each handler's @Permits decides; a handler without one never starts
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerTokens()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        for (SecurityChainCustomizer customizer : customizers.orderedStream().toList()) {
            customizer.customize(http);
        }
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> operationsRead() {
        return (authentication, context) -> new AuthorizationDecision(new PermissionBits()
                .hasPermission(authentication.get(), Area.OPERATIONS.name(), Access.READ.name()));
    }

    /** Issuing tokens: only where the signing key's private half is configured (order-api). */
    @Configuration(proxyBeanMethods = false)
    static class Issuing {

        @Bean
        AccessTokens accessTokens(TokenProperties properties) {
            RSAKey signing = TokenKeys.signing(properties);
            if (signing == null) {
                return null;
            }
            return new AccessTokens(signing, properties, Clock.systemUTC());
        }
    }

    /** Revocation needs Redis, which every service but box-office already has. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RedissonClient.class)
    @ConditionalOnBean(RedissonClient.class)
    static class Revoking {

        @Bean
        Revocations revocations(RedissonClient redisson, TokenProperties properties) {
            // a revocation must outlive every token it kills: one TTL plus the validators' minute of clock skew
            Revocations revocations = new Revocations(redisson, properties.accessTokenTtl().plusMinutes(2),
                    Clock.systemUTC());
            revocations.refresh();
            return revocations;
        }

        /** Refreshes the revocations on a thread of their own. */
        @Bean(destroyMethod = "close")
        BackgroundSchedule revocationRefresher(Revocations revocations, RevocationProperties revocation) {
            return BackgroundSchedule.every(revocation.revocationRefresh(), "token-revocations",
                    revocations::refresh);
        }
    }
}
