package dev.marquee.gateway.simulator;

/** How the simulated customer's payment ends. */
public enum Outcome {
    SUCCESS, FAILED
}
