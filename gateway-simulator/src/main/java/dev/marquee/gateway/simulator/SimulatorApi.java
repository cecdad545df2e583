package dev.marquee.gateway.simulator;

import com.sun.net.httpserver.HttpServer;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The simulator's HTTP routes, one {@link Route} per path. */
final class SimulatorApi {

    private SimulatorApi() {
    }

    static void mount(HttpServer server, Set<String> gateways, Faults defaults, Function<PayRequest, Trade> payments,
            TradeLedger ledger, SmsOutbox sms, Clock clock) {
        for (String gateway : gateways) {
            route(server, "/" + gateway + "/pay", Map.of(
                    "GET", new PayPage(gateway),
                    "POST", new PayEndpoint(gateway, defaults, payments)));
            route(server, "/" + gateway + "/refunds", Map.of("POST", new RefundEndpoint(gateway, ledger, clock)));
        }
        route(server, "/trades", Map.of("GET", request -> Reply.json(ledger.trades())));
        route(server, "/refunds", Map.of("GET", request -> Reply.json(ledger.refunds())));
        route(server, "/sms/send", Map.of("POST", sms.sendEndpoint()));
        route(server, "/sms/messages", Map.of("GET", sms.listEndpoint()));
        route(server, "/", Map.of());
    }

    private static void route(HttpServer server, String path, Map<String, Route.Endpoint> byMethod) {
        server.createContext(path, new Route(path, byMethod));
    }
}
