package dev.marquee.boxoffice;

import java.util.List;

/** Figures in several currencies are never added up: the query must name the currency. */
public class MixedCurrenciesException extends InvalidQueryException {

    private final List<String> currencies;

    public MixedCurrenciesException(List<String> currencies) {
        super("mixed-currencies", "Sales in this window are in " + String.join(", ", currencies)
                + "; name one with currency=.");
        this.currencies = List.copyOf(currencies);
    }

    public List<String> currencies() {
        return currencies;
    }
}
