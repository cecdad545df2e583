package dev.marquee.gateway.simulator;

import java.time.Instant;

/** A text message the simulated SMS gateway took for delivery. */
public record SmsMessage(long id, String phone, String text, Instant sentAt) {
}
