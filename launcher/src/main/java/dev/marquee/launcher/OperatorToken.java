package dev.marquee.launcher;

import java.net.http.HttpRequest;
import java.util.Optional;

import picocli.CommandLine.Option;

/**
 * The bearer token a command sends to the endpoints only operators may call (trades and refunds, box-office rebuilds,
 * the services' metrics): {@code --token}, else the environment's {@code MARQUEE_TOKEN}, else the one
 * {@code ./marquee login} stored ({@link #stored}). A mixin: every such command takes {@code --token}.
 */
final class OperatorToken {

    /**
     * Where {@code ./marquee login} keeps the signed-in token between commands ({@link Credentials}, refreshed when
     * due); tests plug in their own.
     */
    static final StoredToken LOGIN = OperatorToken::fromLogin;
    static volatile StoredToken stored = LOGIN;

    private static Optional<String> fromLogin() {
        try {
            return Optional.of(Credentials.bearer().substring("Bearer ".length()));
        } catch (Credentials.NotSignedInException e) {
            return Optional.empty();
        }
    }

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:MARQUEE_TOKEN}",
            description = {"An operator's (an admin's) bearer token. Default: $MARQUEE_TOKEN, else the one",
                    "'./marquee login' stored."})
    String token;

    /** The token to send, if there is one. */
    Optional<String> value() {
        if (token != null && !token.isBlank()) {
            return Optional.of(token.strip());
        }
        return stored.load().filter(t -> !t.isBlank());
    }

    /** The request with {@code Authorization: Bearer …}, when there is a token. */
    HttpRequest.Builder sign(HttpRequest.Builder request) {
        value().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request;
    }

    /**
     * What to tell the operator when the service refused the call for who they are (401, 403), or empty: the
     * refusal is about the caller, not the request, and the way out is signing in as an operator.
     */
    Optional<String> refusal(int status, String code) {
        if (status == 401) {
            return Optional.of((value().isEmpty() ? "not signed in" : "the token was refused (" + code + ")")
                    + ": run ./marquee login as an operator, or pass --token / set MARQUEE_TOKEN to an operator's token");
        }
        if (status == 403) {
            return Optional.of("signed in, but not as an operator (" + code + "): run ./marquee login as an operator"
                    + " (an admin), or pass --token / set MARQUEE_TOKEN to an operator's token");
        }
        return Optional.empty();
    }
}
