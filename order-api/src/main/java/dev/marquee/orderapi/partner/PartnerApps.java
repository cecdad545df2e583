package dev.marquee.orderapi.partner;

import java.util.List;
import java.util.Optional;

/** Where partner apps are kept (their secrets in the clear here; the store seals them). */
public interface PartnerApps {

    Optional<PartnerApp> find(String key);

    void insert(PartnerApp app);

    void update(PartnerApp app);

    List<PartnerApp> all();
}
