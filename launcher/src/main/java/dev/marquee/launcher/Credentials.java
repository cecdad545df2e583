package dev.marquee.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tokens {@code ./marquee login} keeps (in {@code ~/.marquee/credentials}, readable by its owner only), and how
 * every command that calls a protected endpoint gets its {@code Authorization} header:
 * <pre>{@code
 * HttpRequest.newBuilder(uri).header("Authorization", Credentials.bearer())   // default file
 * HttpRequest.newBuilder(uri).header("Authorization", Credentials.load(file).authorization())
 * }</pre>
 * An access token about to expire (within 30 s) is refreshed first, through the order-api that issued it, and the
 * rotated tokens are saved. Not signed in, or the session ended (logout, password change, ban), throws
 * {@link NotSignedInException}, whose message says to run {@code ./marquee login}.
 */
public final class Credentials {

    /** Thrown when there are no usable credentials; its message tells the user what to run. */
    public static final class NotSignedInException extends RuntimeException {
        NotSignedInException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builderWithJackson2Defaults().build();
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final Path file;
    private final String url;
    private String accessToken;
    private Instant expiresAt;
    private String refreshToken;
    private final String account;

    private Credentials(Path file, String url, String accessToken, Instant expiresAt, String refreshToken,
                        String account) {
        this.file = file;
        this.url = url;
        this.accessToken = accessToken;
        this.expiresAt = expiresAt;
        this.refreshToken = refreshToken;
        this.account = account;
    }

    /** {@code ~/.marquee/credentials}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".marquee", "credentials");
    }

    /** The {@code Authorization} header value from the default file, refreshed when due. */
    public static String bearer() {
        return load(defaultFile()).authorization();
    }

    public static Credentials load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NotSignedInException("not signed in (no " + file + "): run ./marquee login");
        }
        Properties stored = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stored.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Credentials(file, stored.getProperty("url"), stored.getProperty("access-token"),
                Instant.parse(stored.getProperty("expires-at", Instant.EPOCH.toString())),
                stored.getProperty("refresh-token"), stored.getProperty("account", ""));
    }

    /** Saves a sign-in's answer ({@code POST /api/auth/sign-in} and the like) for {@code url}'s order-api. */
    static Credentials signedIn(Path file, String url, JsonNode answer) {
        Credentials credentials = new Credentials(file, url, answer.path("accessToken").asString(),
                Instant.parse(answer.path("expiresAt").asString()), answer.path("refreshToken").asString(),
                answer.path("role").asString() + " " + answer.path("accountId").asString());
        credentials.save();
        return credentials;
    }

    /** {@code Bearer <access token>}, refreshing it first when it expires within 30 seconds. */
    public synchronized String authorization() {
        if (Instant.now().plus(EARLY).isAfter(expiresAt)) {
            refresh();
        }
        return "Bearer " + accessToken;
    }

    /** The order-api these credentials were issued by, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        return url;
    }

    /** The signed-in account, as {@code ROLE id}. */
    public String account() {
        return account;
    }

    String refreshToken() {
        return refreshToken;
    }

    private void refresh() {
        HttpResponse<String> answer = post(url + "/api/auth/refresh", json().put("refreshToken", refreshToken));
        if (answer.statusCode() != 200) {
            throw new NotSignedInException("the session ended (" + answer.statusCode() + " "
                    + code(answer.body()) + "): run ./marquee login again");
        }
        JsonNode body = read(answer.body());
        accessToken = body.path("accessToken").asString();
        expiresAt = Instant.parse(body.path("expiresAt").asString());
        refreshToken = body.path("refreshToken").asString();
        save();
    }

    /** Writes the file as its owner's only (0600), replacing the old one in one move. */
    private void save() {
        Properties stored = new Properties();
        stored.setProperty("url", url);
        stored.setProperty("account", account);
        stored.setProperty("access-token", accessToken);
        stored.setProperty("expires-at", expiresAt.toString());
        stored.setProperty("refresh-token", refreshToken);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
                Files.writeString(temporary, "");
            }
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                stored.store(out, "marquee login: tokens of " + account + " at " + url);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static HttpResponse<String> post(String uri, JsonNode body) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + uri + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static ObjectNode json() {
        return JSON.createObjectNode();
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (JacksonException e) {
            return JSON.createObjectNode().put("detail", body);
        }
    }

    static String code(String body) {
        JsonNode problem = read(body);
        return problem.path("code").asString("") + ": " + problem.path("detail").asString("");
    }
}
