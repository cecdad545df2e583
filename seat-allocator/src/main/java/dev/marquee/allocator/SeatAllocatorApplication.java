package dev.marquee.allocator;

import dev.marquee.ledger.SeatLedgerConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** seat-allocator: decides order requests, hall by hall, under the hall's lock. */
@SpringBootApplication
@Import(SeatLedgerConfiguration.class)
public class SeatAllocatorApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(SeatAllocatorApplication.class)
                .properties("spring.config.name=seat-allocator");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
