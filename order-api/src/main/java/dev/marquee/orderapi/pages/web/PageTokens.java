package dev.marquee.orderapi.pages.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.stereotype.Component;

/**
 * Where a request's access token is: the {@code Authorization: Bearer} header, as for every API client; or, for
 * the pages only, the HttpOnly cookie the page session endpoint set. The cookie counts only on a request that also
 * carries {@value #PAGE_HEADER} (a header another site's form or link cannot add without a CORS preflight, which
 * nothing here allows) or that asks for a page's own read-only stream, so the API's bearer tokens and
 * {@code @Permits} stay as they are and no other site can spend the cookie. The session endpoints themselves never
 * read it: a lapsed token must not stand in the way of refreshing it.
 */
@Component
class PageTokens implements BearerTokenResolver {

    static final String ACCESS_COOKIE = "marquee_access";
    static final String REFRESH_COOKIE = "marquee_refresh";
    static final String PAGE_HEADER = "X-Marquee-Page";

    private final DefaultBearerTokenResolver headers = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String bearer = headers.resolve(request);
        if (bearer != null) {
            return bearer;
        }
        String path = request.getRequestURI();
        if (path.startsWith("/pages/session")) {
            return null;
        }
        if (request.getHeader(PAGE_HEADER) == null && !path.startsWith("/pages/")) {
            return null;
        }
        return cookie(request, ACCESS_COOKIE);
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
