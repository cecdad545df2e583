package dev.marquee.orderapi.order;

/**
 * Asked once an order has passed every check that can be made from memory, just before it is written: the last
 * word on whether it may cost anything shared (the rate limits' draw). Refuses by throwing.
 */
@FunctionalInterface
public interface PlacementGate {

    void admit(PlaceOrder command);
}
