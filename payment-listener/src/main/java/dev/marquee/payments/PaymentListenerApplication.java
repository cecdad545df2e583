package dev.marquee.payments;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** payment-listener: only the application shell so far (health endpoint); its behaviour arrives with issue #4. */
@SpringBootApplication
public class PaymentListenerApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PaymentListenerApplication.class).properties("spring.config.name=payment-listener");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
