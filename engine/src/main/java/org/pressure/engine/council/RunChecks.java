package org.pressure.engine.council;

import java.util.List;
import java.util.function.BiConsumer;
import org.pressure.engine.diagnostics.Warnings;

/**
 * Warnings that only a run can find: values given by expressions or names that turn out
 * implausible in some year. Each check reads the finished run and adds a warning, located at
 * the value in the scenario file responsible, naming the first year it happens. To add a
 * check, add a method here and list it in {@link #CHECKS}; docs/scenario-format.md
 * ("Warnings") lists every check.
 */
public final class RunChecks {
    private RunChecks() {}

    private static final List<BiConsumer<CouncilResult, Warnings>> CHECKS =
            List.of(RunChecks::foundByTheRun, RunChecks::unitCostsInScale);

    /**
     * What the model found while running (a council tax rise capped by its referendum limit, see
     * {@link CouncilResult#warnings()}), into the same channel.
     */
    static void foundByTheRun(CouncilResult r, Warnings warnings) {
        for (org.pressure.engine.diagnostics.Problem p : r.warnings()) {
            String m = p.message();
            warnings.add(p.location(), m.startsWith("warning: ") ? m.substring("warning: ".length()) : m);
        }
    }

    /** Runs every check on {@code result}. */
    public static void check(CouncilResult result, Warnings warnings) {
        for (var c : CHECKS) c.accept(result, warnings);
    }

    /**
     * A unit cost given by an expression or a name that reaches more than
     * {@link Plausibility#MAX_UNIT_COST_POUNDS} a client (numbers written in the file are checked
     * before the run).
     */
    static void unitCostsInScale(CouncilResult r, Warnings warnings) {
        Scenario sc = r.scenario();
        double pounds = Plausibility.poundsPerUnit(sc.units());
        if (pounds == 0) return;
        for (Service s : sc.services().values()) {
            if (!(s.unitCost() instanceof Series.Formula || s.unitCost() instanceof Series.Ref)) continue;
            String header = Columns.unitCost(s.name());
            if (!r.hasColumn(header)) continue;
            double[] v = r.column(header);
            for (int i = 0; i < v.length; i++) {
                if (v[i] * pounds > Plausibility.MAX_UNIT_COST_POUNDS) {
                    warnings.add(s.unitCost().location(), "`services." + s.name() + ".unit_cost` reaches "
                            + Plausibility.fmt(v[i]) + " " + sc.units() + " per client a year in "
                            + Scenario.financialYear(r.year(i)) + ", that is £" + String.format(java.util.Locale.ROOT,
                            "%,.0f", v[i] * pounds) + " a client; unit costs are in the scenario's units ("
                            + sc.units() + ")");
                    break;
                }
            }
        }
    }
}
