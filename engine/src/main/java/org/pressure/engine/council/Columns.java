package org.pressure.engine.council;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of {@code results.csv}, the one place that spells their names and owns their
 * order (docs/model.md, docs/scenario-format.md). A column is also the name of the model slot
 * that holds it, so the compilers, indicators, charts and reports all name quantities through
 * here.
 */
public final class Columns {
    private Columns() {}

    public static final String INCOME = "income";
    public static final String STATUTORY_SPEND = "statutory_spend";
    public static final String DISCRETIONARY_PLANNED = "discretionary_planned";
    public static final String DISCRETIONARY_FUNDED = "discretionary_funded";
    public static final String BUDGET_GAP = "budget_gap";
    public static final String CUTS = "cuts";
    public static final String RESERVES_DRAW = "reserves_draw";
    public static final String RESERVES = "reserves";
    public static final String SURPLUS_TO_RESERVES = "surplus_to_reserves";
    public static final String PUBLIC_COST = "public_cost";

    /** The council's totals, first in every results.csv. */
    public static final List<String> TOTALS = List.of(INCOME, STATUTORY_SPEND, DISCRETIONARY_PLANNED, DISCRETIONARY_FUNDED,
            BUDGET_GAP, CUTS, RESERVES_DRAW, RESERVES);

    /** Part 2's yearly quantities that every file using part 2 has. */
    public static final List<String> PART2 = List.of("committed_spend", "overspend", "efs", "minimum_reserves",
            "earmarked_reserves", PUBLIC_COST);

    /** A driver's column. */
    public static String driver(String name) {
        return "driver." + name;
    }

    /** An income stream's column. */
    public static String income(String name) {
        return "income." + name;
    }

    /** A service's column for {@code quantity} (cost, clients, unit_cost, failure_clients, funded, cut, failure_cost, budget, outturn). */
    public static String service(String name, String quantity) {
        return "service." + name + "." + quantity;
    }

    public static String cost(String service) {
        return service(service, "cost");
    }

    public static String funded(String service) {
        return service(service, "funded");
    }

    public static String cut(String service) {
        return service(service, "cut");
    }

    public static String clients(String service) {
        return service(service, "clients");
    }

    public static String unitCost(String service) {
        return service(service, "unit_cost");
    }

    public static String failureClients(String service) {
        return service(service, "failure_clients");
    }

    public static String failureCost(String service) {
        return service(service, "failure_cost");
    }

    /** An agency's column for {@code quantity} (cost, failure_cost). */
    public static String agency(String name, String quantity) {
        return "agency." + name + "." + quantity;
    }

    /** A savings programme's column for {@code quantity} (planned, delivered). */
    public static String saving(String name, String quantity) {
        return "savings." + name + "." + quantity;
    }

    /** A cohort's people in one state, or in all of them ({@code "total"}). */
    public static String cohort(String name, String state) {
        return "cohort." + name + "." + state;
    }

    /** The shortfall of failure-demand link {@code k}, in the order of the file. */
    public static String shortfall(int k) {
        return "failure_demand." + k + ".shortfall";
    }

    /** Every column of a scenario's results.csv after {@code year}, in order. */
    public static List<String> of(Scenario sc) {
        List<String> headers = new ArrayList<>(TOTALS);
        sc.income().keySet().forEach(i -> headers.add(income(i)));
        sc.drivers().keySet().forEach(d -> headers.add(driver(d)));
        for (Service s : sc.services().values()) {
            headers.add(cost(s.name()));
            if (s.clientBased()) {
                headers.add(clients(s.name()));
                headers.add(unitCost(s.name()));
                headers.add(failureClients(s.name()));
            }
            if (!s.statutory()) {
                headers.add(funded(s.name()));
                headers.add(cut(s.name()));
            }
            headers.add(failureCost(s.name()));
        }
        if (sc.part2().used()) headers.addAll(part2(sc));
        headers.add(SURPLUS_TO_RESERVES);
        for (int k = 0; k < sc.links().size(); k++) headers.add(shortfall(k));
        return headers;
    }

    /** The columns part 2 adds (section 14), in order. */
    private static List<String> part2(Scenario sc) {
        Scenario.Part2 p = sc.part2();
        List<String> h = new ArrayList<>(PART2);
        if (p.capital() != null) h.addAll(List.of("capital_financing", "cfr"));
        if (p.dsg() != null) h.addAll(List.of("dsg_deficit", "dsg_charge"));
        for (Service s : sc.services().values()) {
            if (Part2Compiler.hasOutturnColumns(sc, s)) {
                h.add(service(s.name(), "budget"));
                h.add(service(s.name(), "outturn"));
            }
        }
        for (Scenario.Saving s : p.savings()) {
            h.add(saving(s.name(), "planned"));
            h.add(saving(s.name(), "delivered"));
        }
        if (!p.agencies().isEmpty()) {
            for (String a : Part2Compiler.agencies(sc)) {
                h.add(agency(a, "cost"));
                h.add(agency(a, "failure_cost"));
            }
        }
        for (Scenario.Cohort c : p.cohorts().values()) {
            for (String st : c.states().keySet()) h.add(cohort(c.name(), st));
            h.add(cohort(c.name(), "total"));
        }
        return h;
    }
}
