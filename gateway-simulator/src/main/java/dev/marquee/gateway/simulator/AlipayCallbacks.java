package dev.marquee.gateway.simulator;

import dev.marquee.gateway.AlipaySigner;
import dev.marquee.gateway.AlipayTime;
import dev.marquee.gateway.Money;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alipay's asynchronous notification ({@code trade_status_sync}): a form post signed RSA2, freshly timed and signed
 * on every try, acknowledged by a 2xx answer whose body is {@code success}.
 */
final class AlipayCallbacks implements CallbackFormat {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final AlipaySigner signer;
    private final String appId;
    private final String sellerId;
    private final AtomicLong tradeSequence = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000_000_000L));

    AlipayCallbacks(AlipaySigner signer, String appId, String sellerId) {
        this.signer = signer;
        this.appId = appId;
        this.sellerId = sellerId;
    }

    @Override
    public String gateway() {
        return "alipay";
    }

    @Override
    public String nextTradeNo() {
        String day = DAY.format(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        return day + "22001" + "%015d".formatted(tradeSequence.incrementAndGet() % 1_000_000_000_000_000L);
    }

    @Override
    public String nextNotifyId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public HttpRequest request(Notice notice, Instant sentAt) {
        Map<String, String> signed = signer.sign(params(notice, sentAt));
        if (notice.corrupt()) {
            String sign = signed.get("sign");
            signed.put("sign", Notice.spoiled(sign, sign.length() / 2));
        }
        return HttpRequest.newBuilder(notice.notifyUrl())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(AlipaySigner.formEncode(signed)))
                .build();
    }

    @Override
    public boolean acknowledged(HttpResponse<String> response) {
        return CallbackFormat.successful(response) && response.body().trim().equals("success");
    }

    private Map<String, String> params(Notice notice, Instant sentAt) {
        Trade trade = notice.trade();
        boolean paid = notice.outcome() == Outcome.SUCCESS;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("notify_id", notice.notifyId());
        params.put("notify_time", AlipayTime.format(sentAt));
        params.put("notify_type", "trade_status_sync");
        params.put("charset", "utf-8");
        params.put("version", "1.0");
        params.put("app_id", appId);
        params.put("seller_id", sellerId);
        params.put("out_trade_no", trade.outTradeNo());
        params.put("trade_no", trade.tradeNo());
        params.put("total_amount", Money.toDecimal(trade.amountMinor(), trade.currency()));
        params.put("currency", trade.currency());
        params.put("trade_status", paid ? "TRADE_SUCCESS" : "TRADE_CLOSED");
        params.put("gmt_create", AlipayTime.format(trade.createdAt()));
        params.put(paid ? "gmt_payment" : "gmt_close", AlipayTime.format(notice.createdAt()));
        return params;
    }
}
