package dev.marquee.boxoffice.messaging;

import java.time.Duration;

import dev.marquee.boxoffice.rebuild.LiveConsumer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/** Pauses and resumes the live projection's listener container for a rebuild. */
@Component
class ListenerPause implements LiveConsumer {

    private static final Duration BATCH_IN_FLIGHT = Duration.ofMinutes(2);

    private final KafkaListenerEndpointRegistry registry;
    private final ProjectionListener listener;

    ListenerPause(KafkaListenerEndpointRegistry registry, ProjectionListener listener) {
        this.registry = registry;
        this.listener = listener;
    }

    @Override
    public void pause() {
        MessageListenerContainer container = registry.getListenerContainer(ProjectionListener.ID);
        if (container == null || !container.isRunning()) {
            return;
        }
        container.pause();
        long deadline = System.nanoTime() + BATCH_IN_FLIGHT.toNanos();
        while (!container.isContainerPaused()) {
            if (System.nanoTime() > deadline) {
                container.resume();
                throw new IllegalStateException("the live consumer did not pause within " + BATCH_IN_FLIGHT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                container.resume();
                throw new IllegalStateException("interrupted while pausing the live consumer", e);
            }
        }
    }

    @Override
    public void resume() {
        MessageListenerContainer container = registry.getListenerContainer(ProjectionListener.ID);
        if (container == null || !container.isRunning()) {
            return;
        }
        listener.seekToStored();
        container.resume();
    }
}
