package org.pressure.engine.council;

import java.util.List;

/** How a budget gap is closed, and the reserves it may draw on. */
public record Budget(Strategy strategy, CutMode cuts, List<String> order, double openingReserves,
                     double minimumReserves, boolean surplusToReserves) {

    public static final Budget DEFAULT =
            new Budget(Strategy.CUTS_FIRST, CutMode.PROPORTIONAL, List.of(), 0, 0, true);

    public Budget {
        order = List.copyOf(order);
    }

    /** Which is used first to close a gap. */
    public enum Strategy {
        CUTS_FIRST("cuts_first"), RESERVES_FIRST("reserves_first");

        public final String key;

        Strategy(String key) {
            this.key = key;
        }
    }

    /** How cuts are shared among discretionary services. */
    public enum CutMode {
        PROPORTIONAL("proportional"), IN_ORDER("in_order");

        public final String key;

        CutMode(String key) {
            this.key = key;
        }
    }
}
