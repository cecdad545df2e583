package dev.marquee.orderapi.partner.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.AccessTokens;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.IssuedToken;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Client credentials for scripts: a partner app signs {@code POST /api/auth/token} (the signature is the
 * credential, as OAuth's {@code grant_type=client_credentials}) and gets a short-lived bearer token for itself, to
 * use where signing every request is awkward. The token carries the app's grant and merchant; revoking the app
 * revokes its tokens.
 */
@RestController
@ConditionalOnProperty(prefix = "marquee.partners", name = "secret-key")
class ClientCredentialsController {

    private final ObjectProvider<AccessTokens> tokens;

    ClientCredentialsController(ObjectProvider<AccessTokens> tokens) {
        this.tokens = tokens;
    }

    record TokenAnswer(@JsonProperty("access_token") String accessToken,
                       @JsonProperty("token_type") String tokenType,
                       @JsonProperty("expires_in") long expiresIn,
                       @JsonProperty("expires_at") String expiresAt) {
    }

    @Operation(summary = "A partner app's access token (client credentials; a signed request)")
    @Problem(status = 400, code = "unsupported-grant-type", when = "grant_type other than client_credentials")
    @Problem(status = 401, code = "signature-missing", when = "some but not all of the X-Marquee-* headers")
    @Problem(status = 401, code = "signature-invalid", when = "the signature does not match the request")
    @Problem(status = 401, code = "signature-stale", when = "the timestamp is more than 5 minutes off")
    @Problem(status = 401, code = "nonce-replayed", when = "this nonce was used already")
    @Problem(status = 401, code = "app-unknown", when = "no app has this key")
    @Problem(status = 401, code = "app-revoked", when = "the app was revoked")
    @Problem(status = 503, code = "nonces-unavailable", when = "Redis (the nonces) is away; retry with a fresh nonce")
    @SignedAppsOnly
    @PostMapping("/api/auth/token")
    TokenAnswer token(@AuthenticationPrincipal Caller app,
                      @RequestParam(name = "grant_type", defaultValue = "client_credentials") String grantType) {
        if (!"client_credentials".equals(grantType)) {
            throw new GrantRefusedException("unsupported-grant-type", "A signed app asks for grant_type"
                    + " client_credentials (or none).", false);
        }
        AccessTokens issuer = tokens.getIfAvailable();
        if (issuer == null) {
            throw new IllegalStateException("order-api has no token-signing key (marquee.security.jwt.signing-key-id)");
        }
        IssuedToken token = issuer.issue(app);
        return new TokenAnswer(token.value(), "Bearer", issuer.ttl().toSeconds(), token.expiresAt().toString());
    }
}
