package dev.marquee.orderapi;

import dev.marquee.ledger.SeatLedgerConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** order-api: catalog browsing, order intake with its outbox, order status from the seat events. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(SeatLedgerConfiguration.class)
public class OrderApiApplication {

    /** The application with its own configuration file ({@code order-api.yml}), so services can share a JVM. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(OrderApiApplication.class).properties("spring.config.name=order-api");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
