package dev.marquee.orderapi.pages;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open seat-map streams of this instance, per screening. One consumer of {@code seat-events} feeds them all:
 * a change is pushed to every page watching its screening, so a thousand open maps cost one Kafka consumer and no
 * polling. A page whose connection broke is dropped at its next send; a page that reconnects reloads the map.
 */
@Service
public class SeatMapStreams {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<Long, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();

    public SseEmitter watch(long screeningId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Set<SseEmitter> ofScreening = watchers.computeIfAbsent(screeningId, id -> ConcurrentHashMap.newKeySet());
        ofScreening.add(emitter);
        Runnable drop = () -> ofScreening.remove(emitter);
        emitter.onCompletion(drop);
        emitter.onTimeout(drop);
        emitter.onError(e -> drop.run());
        try {
            // the page learns at once that it is connected (and reloads the map if this is a reconnection)
            emitter.send(SseEmitter.event().name("connected").data("{}", MediaType.APPLICATION_JSON));
        } catch (IOException gone) {
            drop.run();
        }
        return emitter;
    }

    public void publish(SeatChange change) {
        Set<SseEmitter> ofScreening = watchers.get(change.screeningId());
        if (ofScreening == null || ofScreening.isEmpty()) {
            return;
        }
        for (SseEmitter emitter : ofScreening) {
            try {
                emitter.send(SseEmitter.event().name("seats").data(change.sent(System.currentTimeMillis()),
                        MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                ofScreening.remove(emitter);
            }
        }
    }

    /** Ends every stream when the service stops, so that its graceful shutdown does not wait for open pages. */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        watchers.values().forEach(ofScreening -> ofScreening.forEach(SseEmitter::complete));
        watchers.clear();
    }

    int watching(long screeningId) {
        Set<SseEmitter> ofScreening = watchers.get(screeningId);
        return ofScreening == null ? 0 : ofScreening.size();
    }
}
