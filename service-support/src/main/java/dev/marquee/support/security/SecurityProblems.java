package dev.marquee.support.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The security chain's refusals as problem details with a stable {@code code}, like every other error:
 * {@code unauthenticated}, {@code token-invalid}, {@code token-expired}, {@code token-revoked} (401) and
 * {@code forbidden} (403). Filters of other parts (partner signatures, rate limits) write theirs through
 * {@link #write}.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String code = codeOf(failure);
        String detail = switch (code) {
            case "token-expired" -> "The access token has expired: refresh it, or sign in again.";
            case "token-revoked" -> "The access token was revoked (signed out, password changed or banned): sign in again.";
            case "token-invalid" -> "The bearer token is not one of ours: malformed, forged or signed by an unknown key.";
            default -> "Sign in first: send an access token as 'Authorization: Bearer <token>', or sign the request as a partner app.";
        };
        response.setHeader("WWW-Authenticate", "unauthenticated".equals(code) ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"" + detail + "\"");
        write(request, response, HttpStatus.UNAUTHORIZED, code, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                "You are signed in, but your permissions do not allow this.");
    }

    static String codeOf(AuthenticationException failure) {
        if (!(failure instanceof InvalidBearerTokenException)) {
            return "unauthenticated";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                for (OAuth2Error error : invalid.getErrors()) {
                    if (RevocationCheck.REVOKED.equals(error.getErrorCode())) {
                        return "token-revoked";
                    }
                    if (error.getDescription() != null && error.getDescription().contains("expired")) {
                        return "token-expired";
                    }
                }
            }
        }
        return "token-invalid";
    }

    /** Writes an RFC 9457 problem with our {@code code} property. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                             String detail) throws IOException {
        write(request, response, status, code, detail, Map.of());
    }

    /** As {@link #write(HttpServletRequest, HttpServletResponse, HttpStatus, String, String)}, with more properties. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                             String detail, Map<String, String> properties) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        StringBuilder body = new StringBuilder("{\"type\":\"about:blank\",\"title\":\"")
                .append(json(status.getReasonPhrase())).append("\",\"status\":").append(status.value())
                .append(",\"detail\":\"").append(json(detail)).append("\",\"instance\":\"")
                .append(json(request.getRequestURI())).append("\",\"code\":\"").append(json(code)).append('"');
        properties.forEach((name, value) -> body.append(",\"").append(json(name)).append("\":\"").append(json(value))
                .append('"'));
        response.getWriter().write(body.append('}').toString());
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
