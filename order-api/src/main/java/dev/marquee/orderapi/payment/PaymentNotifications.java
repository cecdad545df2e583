package dev.marquee.orderapi.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import dev.marquee.gateway.InboundNotification;
import dev.marquee.gateway.NotificationIgnoredException;
import dev.marquee.gateway.NotificationRejectedException;
import dev.marquee.gateway.PaymentNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The gateways' asynchronous notifications: verified (signature, age), matched to a payment started here, handed to
 * payment-listener through Kafka, and acknowledged only once Kafka has them. A resend of an acknowledged
 * notification is acknowledged again without publishing it twice; the same notify id with other content is refused.
 */
@Service
public class PaymentNotifications {

    private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

    /**
     * How a notification was taken: new, a resend of one acknowledged before, or authentic but about nothing we act
     * on (acknowledged all the same, so the gateway stops resending).
     */
    public enum Receipt { ACCEPTED, DUPLICATE, IGNORED }

    private final PaymentGateways gateways;
    private final Payments payments;
    private final CallbackPublisher publisher;
    private final JdbcClient jdbc;
    private final IgnoredNotifications ignored;
    private final Clock clock;

    PaymentNotifications(PaymentGateways gateways, Payments payments, CallbackPublisher publisher, JdbcClient jdbc,
                         IgnoredNotifications ignored, Clock clock) {
        this.gateways = gateways;
        this.payments = payments;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.ignored = ignored;
        this.clock = clock;
    }

    public Receipt receive(String gateway, InboundNotification inbound) {
        PaymentGateways.Enabled enabled = gateways.get(gateway)
                .orElseThrow(() -> PaymentRefusedException.unknownGateway(gateway, gateways.names()));
        PaymentNotification notification;
        try {
            notification = verified(enabled, inbound);
        } catch (NotificationIgnoredException e) {
            log.info("{}; acknowledged and ignored", e.getMessage());
            ignored.ignored(e.gateway(), e.eventType());
            return Receipt.IGNORED;
        }
        Payment payment = payments.findById(notification.outTradeNo()).filter(p -> p.gateway().equals(gateway))
                .orElseThrow(() -> PaymentRefusedException.unknownPayment(gateway, notification.outTradeNo()));
        String hash = contentHash(notification);
        Optional<String> seen = jdbc.sql("SELECT params_hash FROM payment_notification WHERE gateway = ? AND notify_id = ?")
                .param(gateway).param(notification.notifyId()).query(String.class).optional();
        if (seen.isPresent()) {
            if (!seen.get().equals(hash)) {
                log.warn("{} notification {} replayed with other content; refused", gateway, notification.notifyId());
                throw PaymentRefusedException.replayed(gateway, notification.notifyId());
            }
            return Receipt.DUPLICATE;
        }
        String eventId = UUID.nameUUIDFromBytes(("callback:" + gateway + ":" + notification.notifyId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        publisher.publish(eventId, payment.orderId(), payment.id(), notification);
        jdbc.sql("INSERT IGNORE INTO payment_notification (gateway, notify_id, params_hash, payment_id, received_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .param(gateway).param(notification.notifyId()).param(hash).param(payment.id())
                .param(Timestamp.from(clock.instant())).update();
        return Receipt.ACCEPTED;
    }

    private static PaymentNotification verified(PaymentGateways.Enabled gateway, InboundNotification inbound) {
        try {
            return gateway.verifier().verify(inbound);
        } catch (NotificationRejectedException e) {
            log.warn("{} notification refused: {} ({})", gateway.name(), e.code(), e.getMessage());
            throw PaymentRefusedException.rejected(e.code(), e.getMessage());
        }
    }

    /** What a notification says about money; resends differ only in their time and signature. */
    private static String contentHash(PaymentNotification n) {
        String content = String.join("\n", n.outTradeNo(), n.tradeNo(), n.rawStatus(),
                Long.toString(n.amountMinor()), n.currency());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
