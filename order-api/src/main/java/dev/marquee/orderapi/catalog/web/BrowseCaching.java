package dev.marquee.orderapi.catalog.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags for the browse lists: a hash of the answer's body, compared with {@code If-None-Match} (304 without a body
 * when equal). The list is still computed; what a revalidation saves is the transfer, and with Cache-Control's
 * max-age a CDN in front answers most of a rush without asking at all.
 */
@Configuration(proxyBeanMethods = false)
class BrowseCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> browseEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/movies", "/api/cinemas", "/api/screenings");
        registration.setName("browseEtags");
        return registration;
    }
}
