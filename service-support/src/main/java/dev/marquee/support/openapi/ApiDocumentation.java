package dev.marquee.support.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI description every HTTP service serves ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}):
 * the service's name, bearer sign-in, the problem-details schema and each operation's problem codes.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OperationCustomizer.class)
public class ApiDocumentation {

    @Bean
    OperationCustomizer marqueeProblemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OpenApiCustomizer marqueeApiBasics(@Value("${spring.application.name:marquee}") String service) {
        return api -> {
            api.getInfo().title("Marquee " + service).version("1")
                    .description("Errors are RFC 9457 problem details with a stable `code` (listed per response).");
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            components.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("An access token from POST /api/auth/sign-in (order-api)."));
            components.addSchemas("Problem", ProblemResponses.problemSchema());
            api.setComponents(components);
        };
    }
}
