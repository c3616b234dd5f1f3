package org.pressure.engine.council;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded generator of valid scenario files covering every series form, both strategies, both
 * cut modes, floors and failure-demand links of both kinds, for property tests.
 */
final class RandomScenarios {
    private RandomScenarios() {}

    static String generate(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder y = new StringBuilder();
        int start = 2020 + rnd.nextInt(10);
        int years = 1 + rnd.nextInt(25);
        y.append("name: Random ").append(seed).append('\n');
        y.append("time: {start: ").append(start).append(", end: ").append(start + years - 1).append("}\n");

        List<String> drivers = new ArrayList<>();
        y.append("drivers:\n  pop: {start: ").append(num(rnd, 1000, 5000)).append(", growth: ")
                .append(pct(rnd, -1, 4)).append("}\n");
        drivers.add("pop");
        int nd = rnd.nextInt(4);
        for (int i = 0; i < nd; i++) {
            String name = "d" + i;
            String form = switch (rnd.nextInt(5)) {
                case 0 -> pct(rnd, 0, 5);
                case 1 -> "{values: {" + start + ": " + pct(rnd, 0, 5) + ", " + (start + 5) + ": " + pct(rnd, 0, 5)
                        + "}, interpolate: " + (rnd.nextBoolean() ? "step" : "linear") + "}";
                case 2 -> "\"=max(0, " + drivers.get(rnd.nextInt(drivers.size())) + " / 100000)\"";
                case 3 -> "\"=previous(" + drivers.get(rnd.nextInt(drivers.size())) + ", 1) * 0 + " + pct(rnd, 0, 4) + "\"";
                default -> "{start: 1, growth: " + pct(rnd, 0, 3) + "}";
            };
            y.append("  ").append(name).append(": ").append(form).append('\n');
            drivers.add(name);
        }

        y.append("income:\n");
        int ni = 1 + rnd.nextInt(3);
        double incomeTotal = 0;
        for (int i = 0; i < ni; i++) {
            double s = rnd.nextDouble(30, 150);
            incomeTotal += s;
            y.append("  inc").append(i).append(": {start: ").append(fmt(s)).append(", growth: ")
                    .append(pct(rnd, -3, 6)).append("}\n");
        }

        y.append("services:\n");
        int ns = 2 + rnd.nextInt(5);
        List<String> names = new ArrayList<>();
        List<Boolean> clientBased = new ArrayList<>();
        List<String> discretionary = new ArrayList<>();
        double share = incomeTotal * rnd.nextDouble(0.7, 1.3) / ns;
        for (int i = 0; i < ns; i++) {
            String name = "s" + i;
            boolean statutory = i == 0 || rnd.nextBoolean();
            boolean clients = rnd.nextBoolean();
            StringBuilder svc = new StringBuilder("{statutory: ").append(statutory);
            if (clients) {
                svc.append(", clients: {per: pop, rate: ").append(pct(rnd, 1, 10)).append("}, unit_cost: {start: ")
                        .append(fmt(share / 200)).append(", growth: ").append(pct(rnd, 0, 6)).append('}');
            } else {
                svc.append(", cost: {start: ").append(fmt(share)).append(", growth: ")
                        .append(rnd.nextBoolean() ? pct(rnd, -2, 7) : drivers.get(rnd.nextInt(drivers.size())))
                        .append('}');
            }
            if (!statutory && rnd.nextBoolean()) svc.append(", floor: ").append(pct(rnd, 0, 80));
            svc.append('}');
            y.append("  ").append(name).append(": ").append(svc).append('\n');
            names.add(name);
            clientBased.add(clients);
            if (!statutory) discretionary.add(name);
        }

        int nl = rnd.nextInt(4);
        if (nl > 0) y.append("failure_demand:\n");
        for (int k = 0; k < nl; k++) {
            int from = rnd.nextInt(ns), to = rnd.nextInt(ns);
            boolean useClients = clientBased.get(to) && rnd.nextBoolean();
            y.append("  - {from: ").append(names.get(from)).append(", to: ").append(names.get(to));
            y.append(useClients ? ", clients_per_m: " + fmt(rnd.nextDouble(0, 40)) : ", cost_per_m: " + fmt(rnd.nextDouble(0, 2)));
            y.append(", delay: ").append(1 + rnd.nextInt(3));
            if (rnd.nextInt(3) == 0) y.append(", delay_type: exponential");
            if (rnd.nextInt(3) == 0) y.append(", reference: ").append(fmt(share * rnd.nextDouble(0.5, 1.5)));
            y.append("}\n");
        }

        boolean inOrder = !discretionary.isEmpty() && rnd.nextBoolean();
        y.append("budget:\n  strategy: ").append(rnd.nextBoolean() ? "cuts_first" : "reserves_first").append('\n');
        if (inOrder) {
            List<String> order = new ArrayList<>(discretionary);
            java.util.Collections.shuffle(order, new java.util.Random(rnd.nextLong()));
            order = order.subList(0, 1 + rnd.nextInt(order.size()));
            y.append("  cuts: in_order\n  order: [").append(String.join(", ", order)).append("]\n");
        }
        y.append("  reserves: {opening: ").append(fmt(rnd.nextDouble(0, 100))).append(", minimum: ")
                .append(fmt(rnd.nextDouble(0, 30))).append("}\n");
        y.append("  surplus_to_reserves: ").append(rnd.nextBoolean()).append('\n');
        return y.toString();
    }

    private static String pct(SplittableRandom rnd, double lo, double hi) {
        return String.format(Locale.ROOT, "%.2f%%", rnd.nextDouble(lo, hi));
    }

    private static String num(SplittableRandom rnd, double lo, double hi) {
        return fmt(rnd.nextDouble(lo, hi));
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }
}
