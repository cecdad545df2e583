package dev.marquee.gateway;

/** Where a gateway says a trade stands, whatever its own status vocabulary. */
public enum TradeStatus {
    SUCCESS, FAILED, PENDING
}
