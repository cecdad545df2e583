package dev.marquee.launcher;

import java.io.IOException;
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

/** {@code marquee payments}: money that waits for an operator, on a running payment-listener. */
@Command(name = "payments", mixinStandardHelpOptions = true,
        description = "Money that waits for an operator: trades payment-listener flagged instead of settling them.",
        subcommands = {PaymentsCommand.Flagged.class, PaymentsCommand.Refund.class})
final class PaymentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Name an operation, e.g. 'marquee payments flagged'");
    }

    @Command(name = "flagged", mixinStandardHelpOptions = true,
            description = {"Lists the trades payment-listener flagged instead of settling (the gateway took money",
                    "that was not the order's price: AMOUNT_MISMATCH, CURRENCY_MISMATCH, UNKNOWN_ORDER), newest",
                    "first, one line each. Exit code 0, or 2 when the service could not answer."})
    static final class Flagged implements Callable<Integer> {

        @Option(names = "--url", description = "A payment-listener instance. Default: ${DEFAULT-VALUE}")
        String url = "http://127.0.0.1:8082";

        @Option(names = "--outcome", description = "List trades with this outcome instead: PAID, REFUND, FLAGGED, FAILED")
        String outcome = "FLAGGED";

        @Option(names = "--limit", description = "At most this many (1-1000). Default: ${DEFAULT-VALUE}")
        int limit = 100;

        @Mixin
        OperatorToken token;

        @Override
        public Integer call() throws Exception {
            Answer answer = send(token.sign(HttpRequest.newBuilder(URI.create(url + "/api/admin/trades?outcome="
                    + URLEncoder.encode(outcome, StandardCharsets.UTF_8) + "&limit=" + limit)).GET()));
            if (answer.status() != 200) {
                return answer.failed("flagged", token);
            }
            System.out.printf("%-8s %-30s %-36s %-10s %-18s %12s %-4s %s%n", "gateway", "trade", "order", "outcome",
                    "reason", "amount", "cur", "decided");
            for (JsonNode trade : answer.body()) {
                System.out.printf("%-8s %-30s %-36s %-10s %-18s %12s %-4s %s%n", trade.path("gateway").asString(),
                        trade.path("tradeNo").asString(), trade.path("orderId").asString(), trade.path("outcome").asString(),
                        trade.path("reason").asString(), trade.path("amountMinor").asString(),
                        trade.path("currency").asString(), trade.path("decidedAt").asString());
            }
            System.out.println(answer.body().size() + " trade(s)");
            return 0;
        }
    }

    @Command(name = "refund", mixinStandardHelpOptions = true,
            description = {"Gives a flagged trade's money back: the trade becomes a REFUND and its RefundRequested",
                    "goes to the gateway's refund API like any other refund, for the amount the gateway took. The",
                    "order is not touched; its payment shows REFUND_PENDING, then REFUNDED. Safe to repeat: a",
                    "second call asks for the same refund again (same refund id, which the gateway dedupes).",
                    "Exit code 0; 1 when the trade is not flagged (it was settled: PAID, FAILED or a late-money",
                    "refund); 2 when it is unknown or the service could not answer."})
    static final class Refund implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "GATEWAY", description = "e.g. alipay")
        String gateway;

        @Parameters(index = "1", paramLabel = "TRADE_NO", description = "the gateway's trade number")
        String tradeNo;

        @Option(names = "--url", description = "A payment-listener instance. Default: ${DEFAULT-VALUE}")
        String url = "http://127.0.0.1:8082";

        @Mixin
        OperatorToken token;

        @Override
        public Integer call() throws Exception {
            Answer answer = send(token.sign(HttpRequest.newBuilder(URI.create(url + "/api/admin/trades/"
                    + URLEncoder.encode(gateway, StandardCharsets.UTF_8) + "/"
                    + URLEncoder.encode(tradeNo, StandardCharsets.UTF_8) + "/refund"))
                    .POST(HttpRequest.BodyPublishers.noBody())));
            if (answer.status() != 202) {
                int exit = answer.failed("refund", token);
                return "trade-not-flagged".equals(answer.body().path("code").asString()) ? 1 : exit;
            }
            JsonNode trade = answer.body().path("trade");
            System.out.printf("refund %s of %s trade %s (order %s): %s %s, %s%n", answer.body().path("refundId").asString(),
                    trade.path("gateway").asString(), trade.path("tradeNo").asString(), trade.path("orderId").asString(),
                    trade.path("amountMinor").asString(), trade.path("currency").asString(),
                    answer.body().path("again").asBoolean() ? "asked for again" : "requested");
            return 0;
        }
    }

    private static Answer send(HttpRequest.Builder request) throws InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        ObjectMapper json = JsonMapper.builderWithJackson2Defaults().build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), json.readTree(response.body()));
        } catch (IOException | JacksonException e) {
            return new Answer(0, json.createObjectNode().put("code", "service-unreachable")
                    .put("detail", "no usable answer from payment-listener at " + built.uri() + " (" + e + ")"));
        }
    }

    private record Answer(int status, JsonNode body) {

        int failed(String operation, OperatorToken token) {
            String code = body.path("code").asString();
            System.err.println(operation + ": " + status + " " + code + ": " + token.refusal(status, code)
                    .orElse(body.path("detail").asString()));
            return 2;
        }
    }
}
