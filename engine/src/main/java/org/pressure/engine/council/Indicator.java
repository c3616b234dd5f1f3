package org.pressure.engine.council;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every headline indicator of a run (docs/model.md sections 5 and 14), in the order of
 * {@code summary.json}: its name, the label people read, and its kind, which says how it is
 * printed. Run, compare, sweep, report, charts and the schema all read indicators from here.
 */
public enum Indicator {
    FAILURE_YEAR("failure_year", "Budget cannot be balanced (section 114 risk)", Kind.YEAR),
    GAP_YEAR("gap_year", "Budget gap first opens", Kind.YEAR),
    CROSSOVER_YEAR("crossover_year", "Statutory costs overtake income", Kind.YEAR),
    RESERVES_EXHAUSTED_YEAR("reserves_exhausted_year", "Reserves reach their minimum", Kind.YEAR),
    RESERVES_NEGATIVE_YEAR("reserves_negative_year", "Reserves fall below zero", Kind.YEAR),
    CUMULATIVE_GAP("cumulative_gap", "Sum of yearly budget gaps", Kind.MONEY),
    GAP_END("gap_end", "Recurrent gap in the final year", Kind.MONEY),
    TOTAL_CUTS("total_cuts", "Total cuts", Kind.MONEY),
    TOTAL_RESERVES_DRAWN("total_reserves_drawn", "Total reserves drawn", Kind.MONEY),
    TOTAL_OVERSPEND("total_overspend", "Total overspend", Kind.MONEY),
    UNDELIVERED_SAVINGS("undelivered_savings", "Savings not delivered", Kind.MONEY),
    EFS_TOTAL("efs_total", "Exceptional financial support", Kind.MONEY),
    FAILURE_DEMAND_COST("failure_demand_cost", "Failure demand cost", Kind.MONEY),
    PUBLIC_COST_TOTAL("public_cost_total", "Cost to the public purse", Kind.MONEY),
    FINAL_RESERVES("final_reserves", "Reserves in the final year", Kind.MONEY),
    STATUTORY_SHARE_END("statutory_share_end", "Statutory spend / income, final year", Kind.SHARE);

    /** How an indicator is measured, and so how it is printed. */
    public enum Kind {
        /** A financial year, or null where it never happens. */
        YEAR,
        /** An amount in the scenario's units. */
        MONEY,
        /** A share (1.0 is 100%), or null where it cannot be computed. */
        SHARE
    }

    public final String key;
    public final String label;
    public final Kind kind;

    Indicator(String key, String label, Kind kind) {
        this.key = key;
        this.label = label;
        this.kind = kind;
    }

    /** Names in the order of {@code summary.json}. */
    public static final List<String> NAMES = Arrays.stream(values()).map(i -> i.key).toList();

    /** Names of the indicators that are years. */
    public static final Set<String> YEARS =
            Arrays.stream(values()).filter(i -> i.kind == Kind.YEAR).map(i -> i.key).collect(Collectors.toUnmodifiableSet());

    /** The label with the last year of a projection named where the label speaks of it ("Reserves at 2040/41"). */
    public String label(int endYear) {
        String end = Scenario.financialYear(endYear);
        return switch (this) {
            case GAP_END -> "Recurrent gap in " + end;
            case FINAL_RESERVES -> "Reserves at " + end;
            case STATUTORY_SHARE_END -> "Statutory spend / income, " + end;
            default -> label;
        };
    }

    /**
     * A value of this indicator as people read it: a financial year or "never", a share as a
     * percentage to one place or "n/a (no income)", and an amount as {@code money} writes it (the
     * terminal and reports show amounts differently). Every printed indicator goes through here.
     *
     * @param value as {@link Indicators#get} gives it
     */
    public String text(Object value, java.util.function.DoubleFunction<String> money) {
        return switch (kind) {
            case YEAR -> value == null ? "never" : Scenario.financialYear((Integer) value);
            case SHARE -> value == null ? "n/a (no income)" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * (Double) value);
            case MONEY -> money.apply((Double) value);
        };
    }

    /** The indicator called {@code name}, or null. */
    public static Indicator named(String name) {
        for (Indicator i : values()) if (i.key.equals(name)) return i;
        return null;
    }
}
