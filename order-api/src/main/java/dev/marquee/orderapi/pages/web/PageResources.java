package dev.marquee.orderapi.pages.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages are static files in this jar ({@code marquee-pages/}): plain HTML, CSS and a small script each, no
 * build step. Only order-api serves them (not {@code static/}, which every service of a one-JVM run would serve).
 */
@Configuration(proxyBeanMethods = false)
class PageResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/pages/**").addResourceLocations("classpath:/marquee-pages/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/pages/index.html");
        registry.addRedirectViewController("/pages", "/pages/index.html");
        registry.addRedirectViewController("/pages/", "/pages/index.html");
    }
}
