package org.pressure.engine.council;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.expr.Expr;

/**
 * A value for every year of a scenario, in one of the forms of the scenario format
 * (docs/model.md section 2). Each form remembers where it was written.
 */
public sealed interface Series {
    Location location();

    /** {@code 2.5} or {@code 2%}: the same every year. */
    record Constant(double value, Location location) implements Series {}

    /** {@code "name"}: the series called name (a driver, income stream or model variable). */
    record Ref(String name, Location location) implements Series {}

    /** {@code "=expr"}: evaluated every year. {@code location} points at the first character after {@code =}. */
    record Formula(String text, Expr expr, Location location) implements Series {}

    /**
     * {@code {start: X, growth: G}}: X in the first year, then compounding by G each year. X is a
     * number ({@link Constant}), or a sweep parameter standing for one ({@link Input}).
     */
    record Growth(Series start, Series growth, Location location) implements Series {}

    /**
     * {@code {values: {...}, interpolate: linear|step}}, and CSV columns: given years, held
     * flat outside them.
     */
    record Values(NavigableMap<Integer, Double> points, boolean step, Location location) implements Series {
        public Values {
            if (points.isEmpty()) throw new IllegalArgumentException("values need at least one year");
            points = Collections.unmodifiableNavigableMap(new TreeMap<>(points));
        }

        /** The value in {@code year}. */
        public double at(int year) {
            var floor = points.floorEntry(year);
            if (floor == null) return points.firstEntry().getValue();
            if (step || floor.getKey() == year) return floor.getValue();
            var ceiling = points.ceilingEntry(year);
            if (ceiling == null) return floor.getValue();
            double f = (double) (year - floor.getKey()) / (ceiling.getKey() - floor.getKey());
            return floor.getValue() + f * (ceiling.getValue() - floor.getValue());
        }
    }

    /**
     * Council tax as Band D times tax base (section 8): {@code band(start) = bandD}, then
     * {@code band(t) = band(t-1) * (1 + min(rise, limit) + precept)}; the value is
     * {@code band * taxBase * collectionRate / 1,000,000}. {@code limit} and {@code precept} may be null.
     */
    record CouncilTax(double bandD, Series taxBase, Series rise, Series limit, Series precept, Series collectionRate,
                      Location location) implements Series {}

    /** {@code {per: S, rate: R}} for clients: S times R. */
    record Product(Series per, Series rate, Location location) implements Series {}

    /**
     * A sweep parameter in place of a series: the value each run gives for input {@code input},
     * or {@code original} (the series as written) in a run that gives none.
     */
    record Input(String input, Series original, Location location) implements Series {}
}
