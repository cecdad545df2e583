package dev.marquee.gateway.simulator;

import dev.marquee.gateway.Money;

/**
 * {@code GET /{gateway}/pay}: the page a customer is sent to, showing the order and a Pay and a Fail button that post
 * the same fields back to {@code /{gateway}/pay}.
 */
final class PayPage implements Route.Endpoint {

    private final String gateway;

    PayPage(String gateway) {
        this.gateway = gateway;
    }

    @Override
    public Reply answer(RequestFields request) {
        String outTradeNo = request.required("out_trade_no");
        String currency = request.optional("currency").orElse(PayEndpoint.DEFAULT_CURRENCY);
        String totalAmount = request.required("total_amount");
        try {
            Money.toMinor(totalAmount, currency);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.malformed("bad total_amount or currency: " + e.getMessage());
        }
        String notifyUrl = request.uri("notify_url").toString();
        String subject = request.optional("subject").orElse("Order " + outTradeNo);
        return Reply.html("""
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>%1$s checkout</title></head>
                <body>
                <h1>%2$s</h1>
                <p>Pay <strong>%3$s %4$s</strong> for order <code>%5$s</code> with %1$s (simulated).</p>
                <form method="post" action="/%1$s/pay">
                <input type="hidden" name="out_trade_no" value="%5$s">
                <input type="hidden" name="total_amount" value="%3$s">
                <input type="hidden" name="currency" value="%4$s">
                <input type="hidden" name="notify_url" value="%6$s">
                <button type="submit" name="outcome" value="SUCCESS">Pay</button>
                <button type="submit" name="outcome" value="FAILED">Fail</button>
                </form>
                </body>
                </html>
                """.formatted(gateway, escape(subject), escape(totalAmount), escape(currency), escape(outTradeNo),
                escape(notifyUrl)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
