package dev.marquee.orderapi.console.web;

import java.util.List;
import java.util.Map;

import dev.marquee.orderapi.console.DeadLetterShelf;
import dev.marquee.orderapi.console.LagHistory;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the operator console shows and does: consumer lag per group over time, the dead letters and their re-drive. */
@RestController
class ConsoleController {

    private final LagHistory history;
    private final DeadLetterShelf deadLetters;

    ConsoleController(LagHistory history, DeadLetterShelf deadLetters) {
        this.history = history;
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "The operator console: consumer lag per group, sampled every 5 s over the last 30 minutes")
    @Permits(area = Area.OPERATIONS, access = Access.READ)
    @GetMapping("/pages/console/lag")
    List<LagHistory.GroupHistory> lag() {
        return history.latest();
    }

    @Operation(summary = "The operator console: dead letters per topic with their causes")
    @Permits(area = Area.OPERATIONS, access = Access.READ)
    @GetMapping("/pages/console/dead-letters")
    List<DeadLetterShelf.Shelf> deadLetters() throws Exception {
        return deadLetters.shelves();
    }

    /** Sends a dead-letter topic's waiting records back where they came from, as {@code marquee dead-letters redrive}. */
    @Operation(summary = "The operator console: re-drive a dead-letter topic's records to their source topic")
    @Permits(area = Area.OPERATIONS, access = Access.WRITE)
    @Problem(status = 404, code = "dead-letter-topic-not-found", when = "no such dead-letter topic (its name ends in -dlt)")
    @PostMapping("/pages/console/dead-letters/{topic}/redrive")
    Map<String, Object> redrive(@PathVariable String topic) throws Exception {
        if (!topic.matches("[a-z0-9.-]{1,200}-dlt")) {
            throw noSuchShelf(topic);
        }
        long sent = deadLetters.redrive(topic).orElseThrow(() -> noSuchShelf(topic));
        return Map.of("topic", topic, "sent", sent);
    }

    private static ErrorResponseException noSuchShelf(String topic) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No dead-letter topic " + topic + ".");
        problem.setProperty("code", "dead-letter-topic-not-found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
