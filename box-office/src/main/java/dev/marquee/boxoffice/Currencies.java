package dev.marquee.boxoffice;

import java.util.List;
import java.util.stream.Stream;

/** Which currency a query's figures are in: the one asked for, else the only one present. */
final class Currencies {

    private Currencies() {
    }

    /** @return the currency, or null when nothing was sold (and none was asked for) */
    static String choose(String requested, Stream<String> present) {
        if (requested != null) {
            return requested;
        }
        List<String> currencies = present.distinct().sorted().toList();
        if (currencies.size() > 1) {
            throw new MixedCurrenciesException(currencies);
        }
        return currencies.isEmpty() ? null : currencies.getFirst();
    }
}
