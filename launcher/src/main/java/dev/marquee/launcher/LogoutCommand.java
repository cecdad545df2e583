package dev.marquee.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code marquee logout}: ends the session {@code marquee login} started and forgets its tokens. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = {"Ends the session of ./marquee login at order-api (its tokens stop working on every",
                "instance within seconds) and deletes the credentials file. Exit code 0 (also when not signed in);",
                "2 when order-api could not be reached (the file is kept, to try again)."})
final class LogoutCommand implements Callable<Integer> {

    @Option(names = "--credentials", description = "The tokens' file. Default: ~/.marquee/credentials")
    Path file = Credentials.defaultFile();

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            System.out.println("Not signed in (no " + file + ").");
            return 0;
        }
        Credentials credentials = Credentials.load(file);
        try {
            HttpResponse<String> answer = Credentials.post(credentials.url() + "/api/auth/logout",
                    Credentials.json().put("refreshToken", credentials.refreshToken()));
            if (answer.statusCode() != 204) {
                System.err.println("logout: " + answer.statusCode() + " " + Credentials.code(answer.body())
                        + " (the session had ended already)");
            }
        } catch (UncheckedIOException e) {
            System.err.println("logout: " + e.getMessage());
            return 2;
        }
        Files.delete(file);
        System.out.println("Signed out " + credentials.account() + " at " + credentials.url() + ".");
        return 0;
    }
}
