package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permissions;
import dev.marquee.support.security.Permits;
import dev.marquee.support.security.PublicEndpoint;
import dev.marquee.support.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, as one table ({@code authorization.tsv}) checked against the running services: every HTTP
 * endpoint each service serves (its request mappings and its exposed actuator endpoints, read from the running
 * application, not from a list kept by hand) has a row, every row an endpoint, and each endpoint is called for real
 * by each kind of caller, who gets what the row says: 401, 403, 404 or {@code ok} (anything but 401 and 403). A
 * row's sample is the path to call, optionally followed by a space and the body to send (else {@code {}}).
 * <p>
 * The callers: nobody (no token); a customer, who owns the order a row's {@code {order}} stands for; another
 * customer; staff of the merchant whose cinema shows that order's screening; staff of another merchant; an admin;
 * a partner app nobody has granted anything.
 */
class AuthorizationTableIT {

    static final List<String> SERVICES = List.of("order-api", "seat-allocator", "payment-listener", "expiry-worker",
            "box-office");
    static final List<String> CALLERS = List.of("anonymous", "customer", "other-customer", "staff", "staff-elsewhere",
            "admin", "app");
    /** Refused callers first, so that a state-changing call made by an allowed one cannot change their answer. */
    static final List<String> CALLING_ORDER = List.of("anonymous", "app", "other-customer", "staff-elsewhere",
            "customer", "staff", "admin");
    static final String HEADER = "service\tmethod\tpattern\tsample\t" + String.join("\t", CALLERS);

    static Map<String, SignedIn> callers;
    static SignedIn customer;

    @BeforeAll
    static void signIn() {
        SharedPipeline.get();
        customer = SignedIn.customer();
        callers = new LinkedHashMap<>();
        callers.put("anonymous", SignedIn.anonymous());
        callers.put("customer", customer);
        callers.put("other-customer", SignedIn.customer());
        callers.put("staff", SignedIn.staff(OrderOwnershipIT.DEMO_MERCHANT));
        callers.put("staff-elsewhere", SignedIn.staff(OrderOwnershipIT.DEMO_MERCHANT + 1000));
        callers.put("admin", SignedIn.admin());
        callers.put("app", SignedIn.app("authorization-table", Permissions.NONE, null));
    }

    @Test
    void everyEndpointOfEveryServiceAnswersEachCallerAsTheTableSays() throws Exception {
        Map<String, Endpoint> served = served();
        Map<String, Row> table = table();

        List<String> missing = new ArrayList<>();
        served.forEach((key, endpoint) -> {
            if (!table.containsKey(key)) {
                missing.add(endpoint.suggestedRow());
            }
        });
        List<String> gone = table.keySet().stream().filter(key -> !served.containsKey(key)).toList();
        assertThat(missing.isEmpty() && gone.isEmpty()).as("the authorization table and the running services differ."
                + "\nEndpoints it does not list: add these rows to launcher/src/test/resources/authorization.tsv (the"
                + " expectations are guessed from the handler's @Permits/@PublicEndpoint; check each, give a sample"
                + " that writes nothing, and set 404 where another's resource is hidden):\n" + String.join("\n", missing)
                + "\nRows whose endpoint no service serves any more: remove them:\n" + String.join("\n", gone) + "\n")
                .isTrue();

        List<String> wrong = new ArrayList<>();
        for (Row row : table.values()) {
            String order = row.sample().contains("{order}") ? Api.heldOrder(customer, Api.newScreening(2), "M1") : "";
            for (String caller : CALLING_ORDER) {
                HttpResponse<String> answer = call(row, caller, order);
                String expected = row.expected().get(caller);
                if (!matches(expected, answer.statusCode())) {
                    wrong.add(row.key() + " as " + caller + ": expected " + expected + ", got " + answer.statusCode()
                            + " " + abbreviate(answer.body()));
                }
            }
        }
        assertThat(wrong).as("answers that differ from the table").isEmpty();
    }

    private static boolean matches(String expected, int status) {
        return expected.equals("ok") ? status != 401 && status != 403 : expected.equals(Integer.toString(status));
    }

    private static HttpResponse<String> call(Row row, String caller, String order) throws Exception {
        String[] sample = row.sample().replace("{order}", order).split(" ", 2);
        String path = sample[0];
        String body = sample.length > 1 ? sample[1] : "{}";
        String method = row.method().equals("*") ? "GET" : row.method();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + SharedPipeline.get().port(row.service()) + path));
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        // a fresh sign-in (session) per call: signing out, which ends the session of the token it is called with,
        // must not change the answers of the rows after it
        SignedIn who = callers.get(caller);
        return SignedIn.send((who == SignedIn.anonymous() ? who : who.again()).sign(request).build());
    }

    /** Every endpoint the running services serve, by "service method pattern". */
    private static Map<String, Endpoint> served() {
        Map<String, Endpoint> endpoints = new TreeMap<>();
        for (String service : SERVICES) {
            ConfigurableApplicationContext context = SharedPipeline.get().context(service);
            for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                    .values()) {
                for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
                    Set<String> methods = new TreeSet<>();
                    handler.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                    if (methods.isEmpty()) {
                        methods.add("*");
                    }
                    for (String method : methods) {
                        for (String pattern : handler.getKey().getPatternValues()) {
                            Endpoint endpoint = new Endpoint(service, method, pattern, access(handler.getValue()));
                            endpoints.put(endpoint.key(), endpoint);
                        }
                    }
                }
            }
            String base = context.getEnvironment().getProperty("management.endpoints.web.base-path", "/actuator");
            Endpoint links = new Endpoint(service, "GET", base, Rule.OPERATIONS);
            endpoints.put(links.key(), links);
            for (WebEndpointsSupplier supplier : context.getBeansOfType(WebEndpointsSupplier.class).values()) {
                for (ExposableWebEndpoint endpoint : supplier.getEndpoints()) {
                    for (WebOperation operation : endpoint.getOperations()) {
                        Endpoint actuator = new Endpoint(service, operation.getRequestPredicate().getHttpMethod().name(),
                                base + "/" + operation.getRequestPredicate().getPath(),
                                endpoint.getEndpointId().toString().equals("health") ? Rule.PUBLIC : Rule.OPERATIONS);
                        endpoints.put(actuator.key(), actuator);
                    }
                }
            }
        }
        return endpoints;
    }

    private static Rule access(HandlerMethod handler) {
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PublicEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PublicEndpoint.class)) {
            return Rule.PUBLIC;
        }
        Permits permits = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Permits.class);
        if (permits == null) {
            permits = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Permits.class);
        }
        return permits == null ? Rule.PUBLIC : new Rule(permits.area(), permits.access());
    }

    private static Map<String, Row> table() throws Exception {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                AuthorizationTableIT.class.getResourceAsStream("/authorization.tsv"), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    assertThat(line).as("the table's header").isEqualTo(HEADER);
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t");
                assertThat(cells).as("a row of " + (4 + CALLERS.size()) + " tab-separated cells: " + line)
                        .hasSize(4 + CALLERS.size());
                Map<String, String> expected = new LinkedHashMap<>();
                for (int i = 0; i < CALLERS.size(); i++) {
                    assertThat(cells[4 + i]).as(line).isIn("ok", "401", "403", "404");
                    expected.put(CALLERS.get(i), cells[4 + i]);
                }
                Row row = new Row(cells[0], cells[1], cells[2], cells[3], expected);
                assertThat(rows.put(row.key(), row)).as("a second row for " + row.key()).isNull();
            }
        }
        return rows;
    }

    private static String abbreviate(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }

    record Row(String service, String method, String pattern, String sample, Map<String, String> expected) {

        String key() {
            return service + " " + method + " " + pattern;
        }
    }

    /** What a handler's annotation says a caller needs: nothing (public), or a permission. */
    record Rule(Area area, Access access) {

        static final Rule PUBLIC = new Rule(null, null);
        static final Rule OPERATIONS = new Rule(Area.OPERATIONS, Access.READ);

        String expectedFor(String caller) {
            if (area == null) {
                return "ok";
            }
            if (caller.equals("anonymous")) {
                return Role.ANONYMOUS.has(area, access) ? "ok" : "401";
            }
            return callers.get(caller).caller().may(area, access) ? "ok" : "403";
        }
    }

    record Endpoint(String service, String method, String pattern, Rule rule) {

        String key() {
            return service + " " + method + " " + pattern;
        }

        /** A row for this endpoint, with what its annotation implies (ownership's 404s are for a person to add). */
        String suggestedRow() {
            StringBuilder row = new StringBuilder(service + "\t" + method + "\t" + pattern + "\t"
                    + pattern.replaceAll("\\{\\*?[^}]*}", "x"));
            CALLERS.forEach(caller -> row.append('\t').append(rule.expectedFor(caller)));
            return row.toString();
        }
    }
}
