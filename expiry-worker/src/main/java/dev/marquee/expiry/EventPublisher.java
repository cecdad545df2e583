package dev.marquee.expiry;

import java.util.List;

/** Sends events to their topics and returns only once the broker acknowledged them all. */
public interface EventPublisher {

    void publish(List<ExpiryEvent> events);
}
