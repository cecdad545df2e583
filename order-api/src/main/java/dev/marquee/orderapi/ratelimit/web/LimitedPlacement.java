package dev.marquee.orderapi.ratelimit.web;

import java.util.List;
import java.util.Optional;

import dev.marquee.orderapi.order.PlaceOrder;
import dev.marquee.orderapi.order.PlacementGate;
import dev.marquee.orderapi.ratelimit.LimitKind;
import dev.marquee.orderapi.ratelimit.RateLimitedException;
import dev.marquee.orderapi.ratelimit.RateLimiting;
import dev.marquee.orderapi.ratelimit.RateLimiting.Charge;
import dev.marquee.orderapi.ratelimit.RateLimiting.Exceeded;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The draw of an order about to be written: its caller's bucket and its screening's, in one round trip, all or
 * none. The screening's bucket counts orders that reach the pipeline (that is what it protects); refusals answered
 * before this point never draw on it. Orders placed outside an HTTP request (none today) are not limited here.
 */
final class LimitedPlacement implements PlacementGate {

    private final RateLimiting limits;

    LimitedPlacement(RateLimiting limits) {
        this.limits = limits;
    }

    @Override
    public void admit(PlaceOrder command) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null
                || !(request.getAttribute(OrderAdmission.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                        instanceof OrderAdmission admission)
                || admission.drawn()) {
            return;
        }
        admission.markDrawn();
        Optional<Exceeded> exceeded = limits.check(List.of(admission.caller(),
                new Charge(LimitKind.SCREENING, Long.toString(command.screeningId()))));
        if (exceeded.isPresent()) {
            throw new RateLimitedException(exceeded.get());
        }
    }
}
