package dev.marquee.gateway.simulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** One gateway's way of numbering trades, wording notifications and reading the merchant's answer. */
interface CallbackFormat {

    /** The gateway's name, also the first segment of its URLs. */
    String gateway();

    /** A trade number never handed out before. */
    String nextTradeNo();

    /** A notification id never handed out before. */
    String nextNotifyId();

    /** The HTTP request for one attempt to deliver the notice, signed at {@code sentAt}. */
    HttpRequest request(Notice notice, Instant sentAt);

    /** Whether the merchant's answer acknowledges the notification, so it must not be resent. */
    boolean acknowledged(HttpResponse<String> response);

    static boolean successful(HttpResponse<String> response) {
        return response.statusCode() / 100 == 2;
    }
}
