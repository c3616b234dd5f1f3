package org.pressure.engine.council;

import java.util.List;

/** How a budget gap is closed, and the reserves it may draw on. */
public record Budget(Strategy strategy, CutMode cuts, List<String> order, double openingReserves,
                     double minimumReserves, boolean surplusToReserves, Series minimumSeries,
                     java.util.Map<String, String> ringFenced, boolean persistentCuts, OnFailure onFailure,
                     Series openingSeries) {

    public static final Budget DEFAULT =
            new Budget(Strategy.CUTS_FIRST, CutMode.PROPORTIONAL, List.of(), 0, 0, true);

    /** A part-1 budget: a constant minimum, nothing ring-fenced, cuts decided afresh each year. */
    public Budget(Strategy strategy, CutMode cuts, List<String> order, double openingReserves, double minimumReserves,
                  boolean surplusToReserves) {
        this(strategy, cuts, order, openingReserves, minimumReserves, surplusToReserves, null, java.util.Map.of(), false,
                OnFailure.DEFAULT, null);
    }

    /**
     * @param minimumSeries the minimum reserve when it varies by year (section 10), or a sweep's
     *                      parameter standing for the constant {@code minimumReserves} (which is
     *                      then the value as written); null when it is that constant
     * @param ringFenced    income stream to the one service it may fund, in file order (section 9)
     * @param openingSeries a sweep's parameter (or a lever) standing for {@code openingReserves}
     *                      (then the value as written); null otherwise
     */
    public Budget {
        order = List.copyOf(order);
        ringFenced = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ringFenced));
        if (onFailure == null) onFailure = OnFailure.DEFAULT;
    }

    /** What happens when the budget fails (section 11). */
    public enum OnFailure {
        DEFICIT("deficit"), EFS("efs");

        public static final OnFailure DEFAULT = DEFICIT;
        public final String key;

        OnFailure(String key) {
            this.key = key;
        }
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
