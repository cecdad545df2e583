package dev.marquee.gateway.simulator;

import dev.marquee.gateway.StripeSigner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stripe's webhook about a payment intent: a JSON event whose bytes stay the same on every try, signed in the
 * {@code Stripe-Signature} header at the time of each try, acknowledged by any 2xx answer.
 */
final class StripeCallbacks implements CallbackFormat {

    private static final ObjectMapper JSON = JsonMapper.builderWithJackson2Defaults().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final StripeSigner signer;
    private final String salt = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final AtomicLong sequence = new AtomicLong();

    StripeCallbacks(StripeSigner signer) {
        this.signer = signer;
    }

    @Override
    public String gateway() {
        return "stripe";
    }

    @Override
    public String nextTradeNo() {
        return "pi_" + salt + Long.toString(sequence.incrementAndGet(), 36);
    }

    @Override
    public String nextNotifyId() {
        return "evt_" + salt + Long.toString(sequence.incrementAndGet(), 36);
    }

    @Override
    public HttpRequest request(Notice notice, Instant sentAt) {
        byte[] body = event(notice);
        String signature = signer.signatureHeader(sentAt.getEpochSecond(), body);
        if (notice.corrupt()) {
            signature = Notice.spoiled(signature, signature.length() - 1);
        }
        return HttpRequest.newBuilder(notice.notifyUrl())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(StripeSigner.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    @Override
    public boolean acknowledged(HttpResponse<String> response) {
        return CallbackFormat.successful(response);
    }

    private static byte[] event(Notice notice) {
        Trade trade = notice.trade();
        boolean paid = notice.outcome() == Outcome.SUCCESS;
        ObjectNode event = JSON.createObjectNode()
                .put("id", notice.notifyId())
                .put("object", "event")
                .put("type", paid ? "payment_intent.succeeded" : "payment_intent.payment_failed")
                .put("created", notice.createdAt().getEpochSecond())
                .put("livemode", false);
        ObjectNode intent = event.putObject("data").putObject("object")
                .put("id", trade.tradeNo())
                .put("object", "payment_intent")
                .put("amount", trade.amountMinor())
                .put("currency", trade.currency().toLowerCase(Locale.ROOT))
                .put("status", paid ? "succeeded" : "requires_payment_method");
        intent.putObject("metadata").put("out_trade_no", trade.outTradeNo());
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write an event", e);
        }
    }
}
