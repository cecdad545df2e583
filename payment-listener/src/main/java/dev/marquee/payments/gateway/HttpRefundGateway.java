package dev.marquee.payments.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.marquee.payments.Refund;
import dev.marquee.payments.RefundGateway;
import dev.marquee.payments.RefundNotDoneException;
import dev.marquee.payments.RefundRejectedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a gateway's refund API: {@code POST {refund-url}} with the refund as JSON. A 2xx answer means done. A
 * 4xx answer other than 408 and 429 is a refusal no retry will change; anything else (5xx, timeout, connection
 * refused) is a {@link RefundNotDoneException}, transient: asked again later, which is safe because the gateway
 * refunds once per refund id.
 */
@Component
class HttpRefundGateway implements RefundGateway {

    private final PaymentGatewaysProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    HttpRefundGateway(PaymentGatewaysProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    @Override
    public void refund(Refund refund) {
        URI url = properties.refundUrl(refund.gateway()).orElseThrow(() -> new RefundRejectedException(
                "no refund URL configured for gateway '" + refund.gateway() + "' (marquee.payments.gateways."
                        + refund.gateway() + ".refund-url)"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(url)
                .timeout(properties.refundTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(RefundCall.of(refund))))
                .build());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String answer = "gateway " + refund.gateway() + " answered refund " + refund.refundId() + " with " + status
                + ": " + response.body();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw new RefundRejectedException(answer);
        }
        throw new RefundNotDoneException(answer, null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RefundNotDoneException("refund call to " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefundNotDoneException("interrupted while calling " + request.uri(), e);
        }
    }

    /** The refund API's request body. */
    record RefundCall(String refundId, String tradeNo, long amountMinor, String currency, String reason) {

        static RefundCall of(Refund r) {
            return new RefundCall(r.refundId(), r.tradeNo(), r.amountMinor(), r.currency(), r.reason());
        }
    }
}
