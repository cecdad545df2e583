package dev.marquee.orderapi.console;

/** Another service the console asked did not answer (problem code {@code service-unavailable}). */
public class ServiceUnavailableException extends RuntimeException {

    private final String service;

    public ServiceUnavailableException(String service, String why) {
        super(service + " did not answer: " + why);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
