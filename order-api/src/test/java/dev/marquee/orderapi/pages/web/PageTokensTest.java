package dev.marquee.orderapi.pages.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PageTokensTest {

    private final PageTokens tokens = new PageTokens();

    @Test
    void theBearerHeaderWinsAsForEveryApiClient() {
        MockHttpServletRequest request = request("GET", "/api/orders/1", true);
        request.addHeader("Authorization", "Bearer from-header");

        assertThat(tokens.resolve(request)).isEqualTo("from-header");
    }

    @Test
    void theCookieAloneDoesNotReachTheApi() {
        // a form or link of another site sends the cookie but cannot add the page header
        assertThat(tokens.resolve(request("POST", "/api/orders", false))).isNull();
    }

    @Test
    void thePagesSpendTheCookieWithTheirHeader() {
        assertThat(tokens.resolve(request("POST", "/api/orders", true))).isEqualTo("from-cookie");
    }

    @Test
    void thePagesOwnStreamsReadTheCookieWithoutTheHeader() {
        // EventSource cannot send headers; the stream only reads
        assertThat(tokens.resolve(request("GET", "/pages/screenings/3/seat-events", false))).isEqualTo("from-cookie");
    }

    @Test
    void theSessionEndpointsNeverReadTheAccessCookie() {
        // a lapsed access token must not stand in the way of refreshing it
        assertThat(tokens.resolve(request("POST", "/pages/session/refresh", true))).isNull();
        assertThat(tokens.resolve(request("POST", "/pages/session", true))).isNull();
    }

    @Test
    void noCookieNoToken() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/pages/screenings/3/seat-events");
        request.setCookies(new Cookie("other", "x"));

        assertThat(tokens.resolve(request)).isNull();
    }

    private static MockHttpServletRequest request(String method, String path, boolean pageHeader) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setCookies(new Cookie(PageTokens.ACCESS_COOKIE, "from-cookie"));
        if (pageHeader) {
            request.addHeader(PageTokens.PAGE_HEADER, "1");
        }
        return request;
    }
}
