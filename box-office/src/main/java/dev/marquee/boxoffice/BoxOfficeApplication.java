package dev.marquee.boxoffice;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** box-office: only the application shell so far (health endpoint); its behaviour arrives with issue #6. */
@SpringBootApplication
public class BoxOfficeApplication {

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(BoxOfficeApplication.class).properties("spring.config.name=box-office");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
