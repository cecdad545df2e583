package dev.marquee.orderapi.account.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts {@code {"phone": ..., "text": ...}} as JSON to the configured gateway; any answer but 2xx is a failure. */
final class HttpSmsSender implements SmsSender {

    private final String gatewayUrl;
    private final Duration timeout;
    private final HttpClient http;

    HttpSmsSender(String gatewayUrl, Duration timeout) {
        this.gatewayUrl = gatewayUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public void send(String phone, String text) {
        if (gatewayUrl == null || gatewayUrl.isBlank()) {
            throw new SmsUnavailableException("no SMS gateway configured (marquee.accounts.sms.gateway-url)", null);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"phone\":\"" + escaped(phone) + "\",\"text\":\"" + escaped(text) + "\"}"))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SmsUnavailableException("the SMS gateway answered " + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new SmsUnavailableException("the SMS gateway cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsUnavailableException("interrupted while sending", e);
        }
    }

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
