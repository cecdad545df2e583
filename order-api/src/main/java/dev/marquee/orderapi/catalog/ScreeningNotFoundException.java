package dev.marquee.orderapi.catalog;

public final class ScreeningNotFoundException extends RuntimeException {

    public ScreeningNotFoundException(long id) {
        super("No screening with id " + id + ".");
    }
}
