package dev.marquee.orderapi.console.web;

import java.util.List;
import java.util.Map;

import dev.marquee.orderapi.console.ConsumerLag;
import dev.marquee.orderapi.console.DeadLetterShelf;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Permits;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the operator console shows and does: consumer lag per group, the dead letters and their re-drive. */
@RestController
class ConsoleController {

    private final ConsumerLag lag;
    private final DeadLetterShelf deadLetters;

    ConsoleController(ConsumerLag lag, DeadLetterShelf deadLetters) {
        this.lag = lag;
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "The operator console: consumer lag per group")
    @Permits(area = Area.OPERATIONS, access = Access.READ)
    @GetMapping("/pages/console/lag")
    List<ConsumerLag.GroupLag> lag() throws Exception {
        return lag.now();
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
    @PostMapping("/pages/console/dead-letters/{topic}/redrive")
    ResponseEntity<Map<String, Object>> redrive(@PathVariable String topic) throws Exception {
        if (!topic.matches("[a-z0-9.-]{1,200}-dlt")) {
            return ResponseEntity.notFound().build();
        }
        return deadLetters.redrive(topic).stream().boxed().findFirst()
                .map(sent -> ResponseEntity.ok(Map.<String, Object>of("topic", topic, "sent", sent)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
