package dev.marquee.gateway.simulator;

/**
 * Counts of notification deliveries since the simulator started.
 *
 * @param sent            HTTP attempts made
 * @param answeredSuccess attempts the merchant acknowledged
 * @param answeredOther   attempts answered with anything else
 * @param failed          attempts that got no answer (connection refused, reset, timed out)
 * @param abandoned       notification copies given up after the resend schedule ran out
 * @param pending         notification copies neither acknowledged nor abandoned yet
 */
public record DeliveryStats(long sent, long answeredSuccess, long answeredOther, long failed, long abandoned,
        long pending) {
}
