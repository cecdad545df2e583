package dev.marquee.orderapi.console.web;

import java.util.List;

import dev.marquee.orderapi.catalog.ScreeningNotFoundException;
import dev.marquee.orderapi.console.FlashSaleFigures;
import dev.marquee.orderapi.console.ServiceCalls;
import dev.marquee.orderapi.console.ServiceReadiness;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's views of the other services: their readiness (asked server-side, so the page needs no CORS), the
 * money payment-listener flagged and its refund, the box office's figures, and one screening's flash sale. Calls to
 * another service carry the operator's own token: that service checks its permission bits as for anyone.
 */
@RestController
class ConsoleServicesController {

    private final ServiceReadiness readiness;
    private final ServiceCalls calls;
    private final FlashSaleFigures flashSale;

    ConsoleServicesController(ServiceReadiness readiness, ServiceCalls calls, FlashSaleFigures flashSale) {
        this.readiness = readiness;
        this.calls = calls;
        this.flashSale = flashSale;
    }

    @Operation(summary = "The operator console: every service's readiness (ready, not ready, unreachable)")
    @Permits(area = Area.OPERATIONS, access = Access.READ)
    @GetMapping("/pages/console/readiness")
    List<ServiceReadiness.Readiness> readiness() {
        return readiness.now();
    }

    @Operation(summary = "The operator console: money payment-listener flagged instead of settling it")
    @Problem(status = 502, code = "service-unavailable", when = "payment-listener did not answer")
    @Permits(area = Area.OPERATIONS, access = Access.READ)
    @GetMapping("/pages/console/flagged")
    ResponseEntity<String> flagged(Authentication caller) {
        return relay(calls.get("payment-listener", "/api/admin/trades?outcome=FLAGGED&limit=100", token(caller)));
    }

    @Operation(summary = "The operator console: refund a flagged trade through its gateway (payment-listener's refund)")
    @Problem(status = 404, code = "trade-not-found", when = "no such trade")
    @Problem(status = 409, code = "trade-not-flagged", when = "the trade is not flagged for an operator")
    @Problem(status = 502, code = "service-unavailable", when = "payment-listener did not answer")
    @Permits(area = Area.OPERATIONS, access = Access.WRITE)
    @PostMapping("/pages/console/flagged/{gateway}/{tradeNo}/refund")
    ResponseEntity<String> refund(@PathVariable String gateway, @PathVariable String tradeNo, Authentication caller) {
        String path = UriComponentsBuilder.fromPath("/api/admin/trades/{gateway}/{tradeNo}/refund")
                .buildAndExpand(gateway, tradeNo).encode().toUriString();
        return relay(calls.post("payment-listener", path, token(caller)));
    }

    @Operation(summary = "The operator console: the box office's ranking of a window (box-office's rankings)")
    @Problem(status = 400, code = "invalid-window", when = "from is after to, or the window is too long")
    @Problem(status = 400, code = "invalid-date", when = "from/to is not a date")
    @Problem(status = 400, code = "invalid-limit", when = "limit outside 1-100")
    @Problem(status = 400, code = "mixed-currencies", when = "the window holds several currencies; name one")
    @Problem(status = 502, code = "service-unavailable", when = "box-office did not answer")
    @Permits(area = Area.OPERATIONS, access = Access.READ)
    @GetMapping("/pages/console/box-office/rankings")
    ResponseEntity<String> rankings(@RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String city,
                                    @RequestParam(required = false) String limit, Authentication caller) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath("/api/box-office/rankings");
        add(path, "from", from);
        add(path, "to", to);
        add(path, "city", city);
        add(path, "limit", limit);
        return relay(calls.get("box-office", path.encode().toUriString(), token(caller)));
    }

    @Operation(summary = "The operator console: one movie's revenue per day (box-office's series)")
    @Problem(status = 400, code = "invalid-window", when = "from is after to, or the window is too long")
    @Problem(status = 400, code = "invalid-date", when = "from/to is not a date")
    @Problem(status = 400, code = "mixed-currencies", when = "the window holds several currencies; name one")
    @Problem(status = 502, code = "service-unavailable", when = "box-office did not answer")
    @Permits(area = Area.OPERATIONS, access = Access.READ)
    @GetMapping("/pages/console/box-office/movies/{movieId}/series")
    ResponseEntity<String> series(@PathVariable long movieId, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, Authentication caller) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath("/api/box-office/movies/" + movieId + "/series");
        add(path, "from", from);
        add(path, "to", to);
        return relay(calls.get("box-office", path.encode().toUriString(), token(caller)));
    }

    @Operation(summary = "The operator console: one screening's flash sale (seats now, orders and decision latency per second)")
    @Problem(status = 404, code = "screening-not-found", when = "no such screening")
    @Permits(area = Area.OPERATIONS, access = Access.READ)
    @GetMapping("/pages/console/screenings/{id}/flash-sale")
    FlashSaleFigures.View flashSale(@PathVariable long id) {
        return flashSale.of(id).orElseThrow(() -> new ScreeningNotFoundException(id));
    }

    private static void add(UriComponentsBuilder path, String name, String value) {
        if (value != null && !value.isBlank()) {
            path.queryParam(name, value.strip());
        }
    }

    private static String token(Authentication caller) {
        return ((Jwt) caller.getCredentials()).getTokenValue();
    }

    private static ResponseEntity<String> relay(ServiceCalls.Answer answer) {
        return ResponseEntity.status(answer.status()).contentType(MediaType.parseMediaType(answer.contentType()))
                .body(answer.body());
    }
}
