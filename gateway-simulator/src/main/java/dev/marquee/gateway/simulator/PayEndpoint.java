package dev.marquee.gateway.simulator;

import dev.marquee.gateway.Money;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code POST /{gateway}/pay}, form or JSON: {@code out_trade_no}, {@code amount_minor} or {@code total_amount},
 * {@code currency} (CNY), {@code notify_url}, {@code outcome} (SUCCESS) and the fault knobs {@code duplicates},
 * {@code delay_ms}, {@code reorder}, {@code corrupt_signature} over the simulator's defaults. Answers the trade.
 */
final class PayEndpoint implements Route.Endpoint {

    static final String DEFAULT_CURRENCY = "CNY";

    private final String gateway;
    private final Faults defaults;
    private final Function<PayRequest, Trade> payments;

    PayEndpoint(String gateway, Faults defaults, Function<PayRequest, Trade> payments) {
        this.gateway = gateway;
        this.defaults = defaults;
        this.payments = payments;
    }

    @Override
    public Reply answer(RequestFields request) {
        String currency = request.optional("currency").orElse(DEFAULT_CURRENCY).toUpperCase(Locale.ROOT);
        try {
            return Reply.json(payments.apply(new PayRequest(gateway, request.required("out_trade_no"),
                    amount(request, currency), currency, request.uri("notify_url"), outcome(request),
                    faults(request))));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.malformed(e.getMessage());
        }
    }

    private static long amount(RequestFields request, String currency) {
        return request.number("amount_minor")
                .orElseGet(() -> Money.toMinor(request.required("total_amount"), currency));
    }

    private static Outcome outcome(RequestFields request) {
        return request.optional("outcome").map(name -> Outcome.valueOf(name.toUpperCase(Locale.ROOT)))
                .orElse(Outcome.SUCCESS);
    }

    private Faults faults(RequestFields request) {
        return new Faults(
                request.number("duplicates").map(Math::toIntExact).orElse(defaults.duplicates()),
                request.number("delay_ms").map(Duration::ofMillis).orElse(defaults.delay()),
                request.flag("reorder").orElse(defaults.reorder()),
                request.flag("corrupt_signature").orElse(defaults.corruptSignature()));
    }
}
