package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.Permits;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every HTTP service describes its API at {@code /v3/api-docs}, read here from the running services and checked
 * against their handlers (read from the running application, so a new endpoint is checked without a list kept by
 * hand): each of our endpoints is described with a summary, says the sign-in problems its permission implies, and
 * lists every problem code its handler declares under its status. Swagger UI is served beside it.
 */
class ApiDocumentationIT {

    static final List<String> HTTP_SERVICES = List.of("order-api", "payment-listener", "box-office");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyEndpointOfEveryHttpServiceIsDescribedWithItsProblemCodes() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String service : HTTP_SERVICES) {
            String docs = get(service, "/v3/api-docs").body();
            assertThat(JsonPath.<String>read(docs, "$.info.title")).isEqualTo("Marquee " + service);
            assertThat(JsonPath.<Object>read(docs, "$.components.schemas.Problem.properties.code")).isNotNull();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlers(service)) {
                for (String pattern : handler.getKey().getPatternValues()) {
                    for (var method : handler.getKey().getMethodsCondition().getMethods()) {
                        checked++;
                        String where = service + " " + method + " " + pattern;
                        List<Map<String, Object>> operation = JsonPath.read(docs, "$.paths[?(@['" + pattern
                                + "'])]['" + pattern + "']." + method.name().toLowerCase());
                        if (operation.isEmpty()) {
                            wrong.add(where + ": not in /v3/api-docs");
                            continue;
                        }
                        Object summary = operation.get(0).get("summary");
                        if (summary == null || summary.toString().isBlank()) {
                            wrong.add(where + ": no summary (add @Operation(summary = …) to "
                                    + handler.getValue().getShortLogMessage() + ")");
                        }
                        @SuppressWarnings("unchecked")
                        Map<String, Map<String, Object>> responses =
                                (Map<String, Map<String, Object>>) operation.get(0).get("responses");
                        if (AnnotatedElementUtils.hasAnnotation(handler.getValue().getMethod(), Permits.class)) {
                            expect(wrong, where, responses, 401, "unauthenticated");
                            expect(wrong, where, responses, 403, "forbidden");
                        }
                        for (Problem problem : AnnotatedElementUtils.findMergedRepeatableAnnotations(
                                handler.getValue().getMethod(), Problem.class)) {
                            expect(wrong, where, responses, problem.status(), problem.code());
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("endpoints whose description is missing or incomplete").isEmpty();
        assertThat(checked).as("endpoints checked").isGreaterThanOrEqualTo(30);
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        for (String service : HTTP_SERVICES) {
            HttpResponse<String> page = get(service, "/swagger-ui/index.html");
            assertThat(page.statusCode()).as(service).isEqualTo(200);
            assertThat(page.body()).contains("swagger-ui");
        }
    }

    private static void expect(List<String> wrong, String where, Map<String, Map<String, Object>> responses,
                               int status, String code) {
        Map<String, Object> response = responses == null ? null : responses.get(Integer.toString(status));
        if (response == null || !String.valueOf(response.get("description")).contains("`" + code + "`")) {
            wrong.add(where + ": response " + status + " does not list `" + code + "`");
        }
    }

    private static List<Map.Entry<RequestMappingInfo, HandlerMethod>> handlers(String service) {
        List<Map.Entry<RequestMappingInfo, HandlerMethod>> ours = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : SharedPipeline.get().context(service)
                .getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().entrySet().stream()
                    .filter(e -> e.getValue().getBeanType().getName().startsWith("dev.marquee."))
                    .forEach(ours::add);
        }
        return ours;
    }

    private static HttpResponse<String> get(String service, String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + SharedPipeline.get().port(service) + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(service + " " + path + ": " + answer.body()).isEqualTo(200);
        return answer;
    }
}
