package dev.marquee.orderapi.payment;

import java.util.Map;

/**
 * A payment request or a gateway notification that is refused; nothing was written. {@code code} is stable and
 * documented in README, {@code status} the HTTP status that answers it.
 */
public final class PaymentRefusedException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;

    PaymentRefusedException(int status, String code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    static PaymentRefusedException orderNotPayable(String orderId, Object status, String why) {
        return new PaymentRefusedException(409, "order-not-payable", "Order " + orderId + " cannot be paid: " + why,
                Map.of("orderId", orderId, "orderStatus", String.valueOf(status)));
    }

    static PaymentRefusedException unknownGateway(String gateway, Object known) {
        return new PaymentRefusedException(404, "gateway-unknown", "No payment gateway '" + gateway
                + "' is enabled; enabled are " + known + ".", Map.of("gateway", gateway));
    }

    static PaymentRefusedException paymentNotStarted(String orderId) {
        return new PaymentRefusedException(409, "payment-not-started", "Order " + orderId
                + " has no payment started; POST /api/orders/" + orderId + "/payments first.", Map.of("orderId", orderId));
    }

    static PaymentRefusedException unknownPayment(String gateway, String outTradeNo) {
        return new PaymentRefusedException(404, "payment-unknown", "No payment " + outTradeNo + " was started at "
                + gateway + ".", Map.of("outTradeNo", outTradeNo));
    }

    static PaymentRefusedException replayed(String gateway, String notifyId) {
        return new PaymentRefusedException(409, "notification-replayed", "Notification " + notifyId + " of " + gateway
                + " was acknowledged before with other content.", Map.of("notifyId", notifyId));
    }

    static PaymentRefusedException rejected(String code, String message) {
        return new PaymentRefusedException(400, code, message, Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
