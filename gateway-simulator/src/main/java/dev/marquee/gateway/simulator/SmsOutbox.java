package dev.marquee.gateway.simulator;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The simulated SMS gateway: records each message it is asked to send (nothing leaves the machine) and lists them
 * per phone, newest first, so tests and the demo read the codes. Keeps the newest {@value #KEPT}. Thread-safe.
 */
final class SmsOutbox {

    static final int KEPT = 10_000;

    private final Deque<SmsMessage> messages = new ArrayDeque<>();
    private final Clock clock;
    private long nextId = 1;

    SmsOutbox(Clock clock) {
        this.clock = clock;
    }

    synchronized SmsMessage send(String phone, String text) {
        SmsMessage message = new SmsMessage(nextId++, phone, text, clock.instant());
        messages.addFirst(message);
        if (messages.size() > KEPT) {
            messages.removeLast();
        }
        return message;
    }

    /** Newest first; every phone's when {@code phone} is null. */
    synchronized List<SmsMessage> sentTo(String phone) {
        return messages.stream().filter(m -> phone == null || m.phone().equals(phone)).toList();
    }

    Route.Endpoint sendEndpoint() {
        return request -> {
            String phone = request.required("phone");
            String text = request.required("text");
            if (!phone.matches("\\+[1-9][0-9]{6,14}")) {
                throw ApiProblem.malformed("phone must be in E.164 form, e.g. +8613800138000");
            }
            return Reply.json(send(phone, text));
        };
    }

    /** A query's {@code +} arrives as a space unless written {@code %2B}: the phone is read either way. */
    Route.Endpoint listEndpoint() {
        return request -> Reply.json(sentTo(request.optional("phone")
                .map(phone -> "+" + phone.strip().replaceFirst("^\\+", "")).orElse(null)));
    }
}
