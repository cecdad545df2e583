package dev.marquee.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code marquee apps}: partner apps (box-office terminals, resellers) that sign their requests. */
@Command(name = "apps", mixinStandardHelpOptions = true,
        description = {"Partner apps: clients such as a cinema's box-office terminal or a reseller that sign their",
                "requests with an app key and secret (see README, \"Partner apps\"). Needs a bearer token of someone",
                "with operations=--m: the one ./marquee login stored, or --token / MARQUEE_TOKEN."},
        subcommands = {AppsCommand.Create.class, AppsCommand.Rotate.class, AppsCommand.Revoke.class,
                AppsCommand.List.class})
final class AppsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Name an operation, e.g. 'marquee apps list'");
    }

    /** Where order-api is and whose token to send. */
    static final class Target {

        @Option(names = "--url", description = "An order-api instance. Default: ${DEFAULT-VALUE}")
        String url = "http://127.0.0.1:8080";

        @Mixin
        OperatorToken operator;

        Answer send(String method, String path, String body) throws InterruptedException {
            String token = operator.value().orElse(null);
            if (token == null) {
                return new Answer(0, JsonMapper.builderWithJackson2Defaults().build().createObjectNode().put("code", "no-token")
                        .put("detail", "not signed in: run ./marquee login as an operator, or give an operator's"
                                + " bearer token with --token or MARQUEE_TOKEN"));
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token.trim()).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            ObjectMapper json = JsonMapper.builderWithJackson2Defaults().build();
            try {
                HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                        .send(request, HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.body().isBlank() ? json.createObjectNode()
                        : json.readTree(response.body()));
            } catch (IOException | JacksonException e) {
                return new Answer(0, json.createObjectNode().put("code", "service-unreachable")
                        .put("detail", "no usable answer from order-api at " + request.uri() + " (" + e + ")"));
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a partner app and prints its key and secret. The secret is shown this once: give",
                    "it to the partner now (it is stored encrypted; nobody can read it back). Exit code 0, 2 on error."})
    static final class Create implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "e.g. \"Cinema 7 box office\"")
        String name;

        @Option(names = "--permissions", required = true,
                description = "What the app may do, e.g. orders=rw-,catalog=r-- (at most what you hold)")
        String permissions;

        @Option(names = "--merchant", description = "The merchant it acts for (omit: platform-wide)")
        Long merchant;

        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = JsonMapper.builderWithJackson2Defaults().build().createObjectNode().put("name", name).put("permissions", permissions);
            if (merchant != null) {
                body.put("merchantId", merchant);
            }
            Answer answer = target.send("POST", "/api/admin/apps", body.toString());
            if (answer.status() != 201) {
                return answer.failed("create");
            }
            printSecret(System.out, answer.body());
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Gives the app a new secret (printed once); the old one keeps working as the previous",
                    "secret until the next rotation, so the partner can switch without downtime. With",
                    "--drop-previous, no new secret: the previous one stops working (the partner has switched).",
                    "Exit code 0, 2 on error."})
    static final class Rotate implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "KEY", description = "the app's key, e.g. app_3f9c...")
        String key;

        @Option(names = "--drop-previous", description = "Only drop the previous secret; make no new one")
        boolean dropPrevious;

        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            Answer answer = target.send("POST", "/api/admin/apps/" + encode(key) + "/rotate"
                    + (dropPrevious ? "?dropPrevious=true" : ""), null);
            if (answer.status() != 200) {
                return answer.failed("rotate");
            }
            if (dropPrevious) {
                System.out.println("app " + key + ": previous secret dropped; only the current one works");
            } else {
                printSecret(System.out, answer.body());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revokes the app: its signed requests are refused (app-revoked) on every order-api within",
                    "seconds, and its access tokens too. Exit code 0, 2 on error."})
    static final class Revoke implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            Answer answer = target.send("POST", "/api/admin/apps/" + encode(key) + "/revoke", null);
            if (answer.status() != 200) {
                return answer.failed("revoke");
            }
            System.out.println("app " + key + " revoked");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists the partner apps, one line each (never their secrets). Exit code 0, 2 on error."})
    static final class List implements Callable<Integer> {

        @Mixin
        Target target;

        @Override
        public Integer call() throws Exception {
            Answer answer = target.send("GET", "/api/admin/apps", null);
            if (answer.status() != 200) {
                return answer.failed("list");
            }
            System.out.printf("%-24s %-8s %-9s %-40s %-24s %s%n", "key", "status", "merchant", "permissions",
                    "secret since", "name");
            for (JsonNode app : answer.body()) {
                System.out.printf("%-24s %-8s %-9s %-40s %-24s %s%s%n", app.path("key").asString(),
                        app.path("status").asString(), app.path("merchantId").asString("-"),
                        app.path("permissions").asString(), app.path("secretCreatedAt").asString(),
                        app.path("name").asString(), app.hasNonNull("previousSecretCreatedAt")
                                ? " (previous secret still valid)" : "");
            }
            System.out.println(answer.body().size() + " app(s)");
            return 0;
        }
    }

    static void printSecret(PrintStream out, JsonNode app) {
        out.println("app key:     " + app.path("key").asString());
        out.println("secret:      " + app.path("secret").asString());
        out.println("permissions: " + app.path("permissions").asString() + (app.hasNonNull("merchantId")
                ? ", merchant " + app.path("merchantId").asString() : ", platform-wide"));
        out.println("The secret is shown only now. Sign requests with it (README, \"Partner apps\").");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    record Answer(int status, JsonNode body) {

        int failed(String operation) {
            System.err.println(operation + ": " + (status == 0 ? "" : status + " ") + body.path("code").asString()
                    + ": " + body.path("detail").asString());
            return 2;
        }
    }
}
