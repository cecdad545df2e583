package dev.marquee.expiry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** expiry-worker: only the application shell so far (health endpoint); its behaviour arrives with issue #5. */
@SpringBootApplication
public class ExpiryWorkerApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ExpiryWorkerApplication.class).properties("spring.config.name=expiry-worker");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
