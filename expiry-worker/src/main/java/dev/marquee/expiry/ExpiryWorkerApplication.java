package dev.marquee.expiry;

import dev.marquee.ledger.SeatLedgerConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * expiry-worker: ends holds whose deadline passed. Every sweep it finds the halls with open lapsed holds and, hall
 * by hall under the hall's lock and behind the fence, releases the seats of unpaid orders (SeatsReleased,
 * OrderExpired), extends once the hold of an order whose payment is in flight (HoldExtended), and closes the hold
 * of an order whose seats were sold meanwhile. Correctness never waits for it (a lapsed hold counts as free
 * already); it returns seats to sale and tells the pipeline. Instances may run side by side: they share the halls.
 */
@SpringBootApplication
@Import(SeatLedgerConfiguration.class)
public class ExpiryWorkerApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ExpiryWorkerApplication.class)
                .properties("spring.config.name=expiry-worker");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
