package dev.marquee.orderapi.payment.web;

import dev.marquee.support.security.PublicEndpoint;
import java.util.HashMap;
import java.util.Map;

import dev.marquee.gateway.InboundNotification;
import dev.marquee.orderapi.payment.PaymentNotifications;
import dev.marquee.support.openapi.Problem;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where gateways notify payments. The body is taken raw, because signatures cover the bytes (Stripe) or the exact
 * parameters (Alipay). {@code success} means "stored, stop resending"; anything else makes the gateway try again.
 */
@RestController
class PaymentNotifyController {

    private final PaymentNotifications notifications;

    PaymentNotifyController(PaymentNotifications notifications) {
        this.notifications = notifications;
    }

    /* public: the gateway signs its callback, and PaymentNotifications verifies that signature */
    @Operation(summary = "A payment gateway's signed notification (called by the gateway, never by clients)")
    @Problem(status = 400, code = "signature-invalid", when = "the signature does not verify")
    @Problem(status = 400, code = "notification-malformed", when = "a field is missing or not understood")
    @Problem(status = 400, code = "notification-not-ours", when = "a notice for another app or seller")
    @Problem(status = 400, code = "notification-stale", when = "older (or further ahead) than allowed")
    @Problem(status = 404, code = "gateway-unknown", when = "no such gateway enabled")
    @Problem(status = 404, code = "payment-unknown", when = "out_trade_no names no payment started here")
    @Problem(status = 409, code = "notification-replayed", when = "an acknowledged notify_id came back with other content")
    @Problem(status = 503, code = "notification-not-stored", when = "Kafka did not take it in time; the gateway resends")
    @PublicEndpoint
    @PostMapping("/api/payments/{gateway}/notify")
    ResponseEntity<String> notify(@PathVariable String gateway, @RequestHeader HttpHeaders headers,
                                  @RequestBody(required = false) byte[] body) {
        Map<String, String> lowerCase = new HashMap<>();
        headers.forEach((name, values) -> lowerCase.put(name.toLowerCase(), values.isEmpty() ? "" : values.getFirst()));
        MediaType type = headers.getContentType();
        notifications.receive(gateway, new InboundNotification(type == null ? "" : type.toString(), lowerCase,
                body == null ? new byte[0] : body));
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
    }
}
