package dev.marquee.orderapi.catalog;

import java.util.List;

/** A hall grid that breaks a layout rule; {@link #errors()} says where and why. */
public final class LayoutInvalidException extends RuntimeException {

    private final List<LayoutError> errors;

    public LayoutInvalidException(List<LayoutError> errors) {
        super("The hall layout is invalid: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<LayoutError> errors() {
        return errors;
    }
}
