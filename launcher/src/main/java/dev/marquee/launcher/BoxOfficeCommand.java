package dev.marquee.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** {@code marquee box-office}: operations on a running box-office service. */
@Command(name = "box-office", mixinStandardHelpOptions = true,
        description = "Operations on a running box-office service.",
        subcommands = {BoxOfficeCommand.Rebuild.class})
final class BoxOfficeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Name an operation, e.g. 'marquee box-office rebuild'");
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = {"Rebuilds the box-office projection from offset 0 of order-events and seat-events into",
                    "fresh tables, compares them with the live ones and swaps them in atomically; the live",
                    "projection keeps answering meanwhile. Prints whether the figures were equal (or the",
                    "differing cells). Exit code 0 when equal, 1 when they differed, 2 when it could not run."})
    static final class Rebuild implements Callable<Integer> {

        @Option(names = "--url", description = "The box-office service. Default: ${DEFAULT-VALUE}")
        String url = "http://127.0.0.1:8084";

        @Option(names = "--no-swap", description = "Compare only; keep the live tables.")
        boolean noSwap;

        @Mixin
        OperatorToken token;

        @Override
        public Integer call() throws Exception {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(token.sign(HttpRequest.newBuilder(URI.create(url + "/api/box-office/admin/rebuild?swap="
                                    + !noSwap))).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode report = JsonMapper.builderWithJackson2Defaults().build().readTree(response.body());
            if (response.statusCode() != 200) {
                String code = report.path("code").asString();
                System.err.println("rebuild: " + response.statusCode() + " " + code + ": "
                        + token.refusal(response.statusCode(), code).orElse(report.path("detail").asString()));
                return 2;
            }
            boolean equal = report.path("equal").asBoolean();
            System.out.printf("rebuild: %s events in %s ms (%s events/s); %s cells; %s; %s%n",
                    report.path("events").asString(), report.path("wallMillis").asString(),
                    report.path("eventsPerSecond").asString(), report.path("cells").asString(),
                    equal ? "equal to the live projection" : "DIFFERENT from the live projection",
                    report.path("swapped").asBoolean() ? "swapped in" : "not swapped");
            if (!equal) {
                report.path("differences").forEach(d -> System.out.println("  " + d));
            }
            System.out.println(report);
            return equal ? 0 : 1;
        }
    }
}
