package dev.marquee.launcher;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code marquee login}: signs in to order-api and keeps the tokens for the other commands. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Signs in to a running order-api with a phone number and its password (asked for, or read",
                "from standard input with --password-stdin), or with a code texted to the phone (--sms; the code",
                "is asked for, or given with --code). Keeps the tokens in ~/.marquee/credentials (readable by you",
                "only); the commands that need a signed-in operator use them and refresh them when due.",
                "Exit code 0; 1 when refused (wrong password or code, banned, too many codes); 2 when order-api",
                "could not be reached."})
final class LoginCommand implements Callable<Integer> {

    @Option(names = "--url", description = "order-api. Default: ${DEFAULT-VALUE}")
    String url = "http://127.0.0.1:8080";

    @Option(names = "--phone", required = true, description = "The account's phone number, e.g. +8613900000001")
    String phone;

    @Option(names = "--password-stdin", description = "Read the password from standard input (one line)")
    boolean passwordStdin;

    @Option(names = "--sms", description = "Sign in with a code texted to the phone (customers)")
    boolean sms;

    @Option(names = "--code", description = "With --sms: the code already received (no new one is sent)")
    String code;

    @Option(names = "--credentials", description = "Where to keep the tokens. Default: ~/.marquee/credentials")
    Path file = Credentials.defaultFile();

    private final BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    @Override
    public Integer call() {
        try {
            HttpResponse<String> answer = sms ? withCode() : withPassword();
            if (answer == null) {
                return 1;
            }
            if (answer.statusCode() != 200 && answer.statusCode() != 201) {
                System.err.println("login: " + answer.statusCode() + " " + Credentials.code(answer.body()));
                return 1;
            }
            Credentials credentials = Credentials.signedIn(file, url, Credentials.read(answer.body()));
            System.out.println("Signed in as " + credentials.account() + " at " + url + "; tokens in " + file);
            return 0;
        } catch (UncheckedIOException e) {
            System.err.println("login: " + e.getMessage());
            return 2;
        }
    }

    private HttpResponse<String> withPassword() {
        String password = passwordStdin ? line() : prompt("Password for " + phone + ": ", true);
        return Credentials.post(url + "/api/auth/sign-in", Credentials.json()
                .put("phone", phone).put("password", password));
    }

    private HttpResponse<String> withCode() {
        if (code == null) {
            HttpResponse<String> sent = Credentials.post(url + "/api/auth/sms/send",
                    Credentials.json().put("phone", phone));
            if (sent.statusCode() != 202) {
                System.err.println("login: no code sent: " + sent.statusCode() + " " + Credentials.code(sent.body())
                        + sent.headers().firstValue("Retry-After").map(s -> " (retry after " + s + " s)").orElse(""));
                return null;
            }
            code = prompt("Code texted to " + phone + ": ", false);
        }
        return Credentials.post(url + "/api/auth/sms/sign-in", Credentials.json()
                .put("phone", phone).put("code", code));
    }

    private String prompt(String text, boolean secret) {
        Console console = System.console();
        if (console != null) {
            return secret ? new String(console.readPassword(text)) : console.readLine(text);
        }
        System.err.print(text);
        System.err.flush();
        return line();
    }

    private String line() {
        try {
            String line = stdin.readLine();
            return line == null ? "" : line.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
