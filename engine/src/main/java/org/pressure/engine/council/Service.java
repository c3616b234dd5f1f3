package org.pressure.engine.council;

import org.pressure.engine.scenario.Location;

/**
 * A service the council provides. Exactly one of {@code cost} and {@code clients} is set;
 * {@code unitCost} goes with {@code clients}. {@code floor} is the share of a discretionary
 * service's planned spend that cannot be cut (null: 0).
 */
public record Service(String name, boolean statutory, Series cost, Series clients, Series unitCost,
                      Series floor, Location location) {
    public Service {
        if ((cost == null) == (clients == null)) {
            throw new IllegalArgumentException("service " + name + " needs exactly one of cost and clients");
        }
        if (clients != null && unitCost == null) {
            throw new IllegalArgumentException("service " + name + " has clients but no unit_cost");
        }
    }

    public boolean clientBased() {
        return clients != null;
    }
}
