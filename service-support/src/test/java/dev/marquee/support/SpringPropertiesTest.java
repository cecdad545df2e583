package dev.marquee.support;

import org.junit.jupiter.api.Test;
import org.springframework.core.SpringProperties;

import static org.assertj.core.api.Assertions.assertThat;

class SpringPropertiesTest {

    /** Every service has service-support's spring.properties: nulls are bound without asking the driver for a type. */
    @Test
    void nullsAreBoundWithoutAskingTheDriverForTheirType() {
        assertThat(SpringProperties.getFlag("spring.jdbc.getParameterType.ignore")).isTrue();
    }
}
