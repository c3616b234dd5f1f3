package org.pressure.engine.council;

import org.pressure.engine.diagnostics.Location;

/**
 * A service the council provides. Exactly one of {@code cost} and {@code clients} is set;
 * {@code unitCost} goes with {@code clients}. {@code floor} is the share of a discretionary
 * service's planned spend that cannot be cut (null: 0).
 */
public record Service(String name, boolean statutory, Series cost, Series clients, Series unitCost,
                      Series floor, Location location, String agency, Series variance) {
    /** The agency every service belongs to unless it says otherwise. */
    public static final String COUNCIL = "council";

    public Service(String name, boolean statutory, Series cost, Series clients, Series unitCost, Series floor,
                   Location location) {
        this(name, statutory, cost, clients, unitCost, floor, location, COUNCIL, null);
    }

    public Service {
        if (agency == null) agency = COUNCIL;
        if ((cost == null) == (clients == null)) {
            throw new IllegalArgumentException("service " + name + " needs exactly one of cost and clients");
        }
        if (clients != null && unitCost == null) {
            throw new IllegalArgumentException("service " + name + " has clients but no unit_cost");
        }
    }

    /** Whether the council pays for it (section 12): only council services are budgeted, cut or balanced. */
    public boolean council() {
        return agency.equals(COUNCIL);
    }

    /** A council service the council must fund in full. */
    public boolean councilStatutory() {
        return council() && statutory;
    }

    /** A council service that may be cut to close a gap. */
    public boolean discretionary() {
        return council() && !statutory;
    }

    public boolean clientBased() {
        return clients != null;
    }
}
