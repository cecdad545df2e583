package dev.marquee.support.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.marquee.support.security.Permits;
import dev.marquee.support.security.PublicEndpoint;
import dev.marquee.support.security.SignedIn;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds to each operation the problems it answers with: its own {@link Problem}s, the sign-in problems its
 * {@link Permits} or {@link SignedIn} implies, and the unreadable or invalid body of a {@link RequestBody}. Each
 * status gets one response whose description lists its codes, with the problem-details schema.
 */
public final class ProblemResponses implements OperationCustomizer {

    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        Permits permits = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Permits.class);
        boolean signedIn = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), SignedIn.class);
        boolean open = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PublicEndpoint.class);
        if (permits != null || signedIn) {
            add(byStatus, 401, "unauthenticated", "no bearer token (or a signed partner request) was sent");
            add(byStatus, 401, "token-invalid", "the token's signature, issuer or form is wrong");
            add(byStatus, 401, "token-expired", "the access token expired: refresh it");
            add(byStatus, 401, "token-revoked", "the session was logged out, its password changed or its account banned");
            operation.addSecurityItem(new SecurityRequirement().addList("bearer"));
        }
        if (permits != null) {
            add(byStatus, 403, "forbidden", "the caller lacks " + permits.area().name().toLowerCase().replace('_', '-')
                    + " " + permits.access().name().toLowerCase());
            String needs = "Needs the " + permits.area().name().toLowerCase().replace('_', '-') + " area's "
                    + permits.access().name().toLowerCase() + " permission.";
            operation.setDescription(operation.getDescription() == null ? needs
                    : operation.getDescription() + "\n\n" + needs);
        } else if (open) {
            String note = "Open to anyone, signed in or not.";
            operation.setDescription(operation.getDescription() == null ? note
                    : operation.getDescription() + "\n\n" + note);
        }
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                add(byStatus, 400, "malformed-request", "the body is not the JSON this endpoint reads");
                add(byStatus, 400, "invalid-request", "fields are missing or invalid (listed in `errors`)");
            }
        }
        for (Problem problem : AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
                Problem.class, Problems.class)) {
            add(byStatus, problem.status(), problem.code(), problem.when());
        }
        if (byStatus.isEmpty()) {
            return operation;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        byStatus.forEach((status, lines) -> responses.addApiResponse(Integer.toString(status), new ApiResponse()
                .description(String.join("\n", lines))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref(PROBLEM_SCHEMA))))));
        operation.setResponses(responses);
        return operation;
    }

    private static void add(Map<Integer, List<String>> byStatus, int status, String code, String when) {
        List<String> lines = byStatus.computeIfAbsent(status, s -> new ArrayList<>());
        String line = "- `" + code + "`: " + when;
        if (!lines.contains(line)) {
            lines.add(line);
        }
    }

    /** The problem-details body every error has: RFC 9457 plus our stable {@code code}. */
    static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new Schema<String>().type("string").description("a URI naming the problem's kind"));
        properties.put("title", new Schema<String>().type("string"));
        properties.put("status", new Schema<Integer>().type("integer"));
        properties.put("detail", new Schema<String>().type("string").description("for people; never parse it"));
        properties.put("instance", new Schema<String>().type("string"));
        properties.put("code", new Schema<String>().type("string")
                .description("stable: what clients branch on (listed per response)"));
        Schema<?> schema = new Schema<>().type("object").description("RFC 9457 problem details with a stable code");
        schema.setProperties(properties);
        schema.setRequired(List.of("status", "code"));
        return schema;
    }
}
