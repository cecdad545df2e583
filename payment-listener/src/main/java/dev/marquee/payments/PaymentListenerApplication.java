package dev.marquee.payments;

import dev.marquee.ledger.SeatLedgerConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * payment-listener: settles the gateways' verified payment callbacks ({@code payment-callbacks}) exactly once.
 * A matching payment sells the order's held seats under the hall's lock, behind the fence (re-taking them if the
 * hold lapsed and they are still free) and publishes TicketsIssued and OrderPaid; money that does not match the
 * order is flagged (PaymentFailed), money for an order that cannot be served is refunded (RefundRequested), a
 * failed trade is reported (PaymentFailed). A second consumer group carries out the refunds through the gateways'
 * refund APIs and publishes RefundCompleted.
 */
@SpringBootApplication
@Import(SeatLedgerConfiguration.class)
public class PaymentListenerApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PaymentListenerApplication.class)
                .properties("spring.config.name=payment-listener");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
