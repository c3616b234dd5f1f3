package org.pressure.engine.council;

import org.pressure.engine.diagnostics.Location;

/**
 * Unmet need in one service that returns later as demand in another: each £1m of shortfall in
 * {@code from} adds {@code clientsPerM} clients (or {@code costPerM} of cost) to {@code to},
 * {@code delay} years later. Exactly one of the two coefficients is set.
 *
 * @param reference what {@code from} should have had; null means its planned cost
 * @param max       the most the link adds in either direction (its own units); NaN for a linear link
 */
public record FailureDemandLink(String from, String to, Series clientsPerM, Series costPerM, double delay,
                                DelayType delayType, Series reference, Location location, double max) {

    /** A linear link (no saturation). */
    public FailureDemandLink(String from, String to, Series clientsPerM, Series costPerM, double delay,
                             DelayType delayType, Series reference, Location location) {
        this(from, to, clientsPerM, costPerM, delay, delayType, reference, location, Double.NaN);
    }

    /** Whether the response saturates at {@link #max} (section 13). */
    public boolean saturates() {
        return !Double.isNaN(max);
    }

    /** How the response is spread over time. */
    public enum DelayType {
        /** All of it exactly {@code delay} years later. */
        FIXED,
        /** A first-order delay with mean {@code delay} years (XMILE DELAY1 on the annual step). */
        EXPONENTIAL
    }

    public FailureDemandLink {
        if ((clientsPerM == null) == (costPerM == null)) {
            throw new IllegalArgumentException("a link needs exactly one of clients_per_m and cost_per_m");
        }
        if (!(delay >= 1)) throw new IllegalArgumentException("delay must be at least 1");
    }
}
