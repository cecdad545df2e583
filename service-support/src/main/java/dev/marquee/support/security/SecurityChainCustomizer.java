package dev.marquee.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** A service's addition to the one security filter chain (a partner-signature filter, rate limits). */
@FunctionalInterface
public interface SecurityChainCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
