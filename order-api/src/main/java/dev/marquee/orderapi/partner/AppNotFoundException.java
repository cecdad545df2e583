package dev.marquee.orderapi.partner;

/** No partner app has this key. */
public class AppNotFoundException extends RuntimeException {

    public AppNotFoundException(String key) {
        super("no partner app has the key " + key);
    }
}
