package dev.marquee.expiry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The expiry worker's events, recorded in the transaction that changed the holds and marked published once Kafka
 * acknowledged them, so what a crash left unsent is sent by a later sweep. The locking reads skip rows another
 * instance is publishing, so instances do not send the same event side by side. An event set aside (it cannot be
 * sent) and one of a type this version does not know (a newer instance wrote it) are not among the unpublished.
 */
public interface EventOutbox {

    /** Records the events, in the caller's transaction. */
    void append(List<ExpiryEvent> events);

    /** Those of these events still unpublished, locked until the caller's transaction ends; locked ones skipped. */
    List<ExpiryEvent> lockUnpublished(Collection<String> eventIds);

    /** Up to {@code limit} unpublished events, oldest first, locked like {@link #lockUnpublished(Collection)}. */
    List<ExpiryEvent> lockUnpublished(int limit);

    void markPublished(Collection<String> eventIds, Instant at);

    /** Sets an event aside, with why it cannot be sent: it is not sent again until an operator re-drives it. */
    void markFailed(String eventId, String cause, Instant at);

    /** Forgets events published before {@code before}. */
    int purgePublished(Instant before);
}
