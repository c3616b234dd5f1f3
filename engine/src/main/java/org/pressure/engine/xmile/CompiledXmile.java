package org.pressure.engine.xmile;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled XMILE model, ready to run many times: the parts in evaluation order and the
 * stocks the integrator advances. Euler: {@code stock(t + dt) = stock(t) + dt * rate(t)}.
 * RK2: Heun's two stages. RK4: the classical four stages, each evaluating every auxiliary and flow at the stage's
 * time and stock values (in the next step's column, which the last evaluation then fills for
 * good), so stateful built-ins that read earlier steps see only finished values.
 * Immutable; each run allocates its own storage.
 */
public final class CompiledXmile {
    private final String file;
    private final XmileModel.SimSpecs specs;
    private final int slotCount;
    private final int timeSlot;
    private final XmileCompiler.Part[] initial;
    private final XmileCompiler.Part[] each;
    private final XmileCompiler.Stock[] stocks;
    private final List<String> names;
    private final int[] outputs;
    private final List<String> warnings;

    /** Most values a run may keep in memory: variables times steps. */
    public static final long MAX_VALUES = 50_000_000;

    CompiledXmile(String file, XmileModel.SimSpecs specs, List<String> slotNames, int timeSlot,
                  List<XmileCompiler.Part> order, List<XmileCompiler.Stock> stocks, List<String> names,
                  int[] outputs, List<String> warnings) {
        this.file = file;
        this.specs = specs;
        this.slotCount = slotNames.size();
        this.timeSlot = timeSlot;
        this.initial = order.toArray(XmileCompiler.Part[]::new);
        List<XmileCompiler.Part> later = new ArrayList<>();
        for (XmileCompiler.Part p : order) if (!p.stockInitial()) later.add(p);
        this.each = later.toArray(XmileCompiler.Part[]::new);
        this.stocks = stocks.toArray(XmileCompiler.Stock[]::new);
        this.names = List.copyOf(names);
        this.outputs = outputs.clone();
        this.warnings = List.copyOf(warnings);
        long values = (long) slotCount * steps();
        if (values > MAX_VALUES) {
            throw new org.pressure.engine.diagnostics.ScenarioException(specs.location(), "the run would keep " + values
                    + " values (" + slotCount + " variables over " + steps() + " steps); the limit is " + MAX_VALUES
                    + " (" + MAX_VALUES * 8 / 1_000_000 + " MB): use a larger dt or a shorter run");
        }
    }

    public String file() {
        return file;
    }

    public XmileModel.SimSpecs specs() {
        return specs;
    }

    /** The variables a run reports, by display name, in the order of the file. */
    public List<String> names() {
        return names;
    }

    /** Things accepted leniently that the modeller should know about. */
    public List<String> warnings() {
        return warnings;
    }

    /** The number of dt steps from start to stop, counting both ends. */
    public int steps() {
        return (int) Math.round((specs.stop() - specs.start()) / specs.dt()) + 1;
    }

    private double time(int step) {
        return specs.start() + step * specs.dt();
    }

    /** Runs from start to stop and keeps one row per save step. */
    public XmileRun run() {
        int steps = steps();
        double dt = specs.dt();
        double[][] v = new double[slotCount][steps];
        v[timeSlot][0] = time(0);
        for (XmileCompiler.Part p : initial) v[p.slot()][0] = p.eval().at(v, 0);
        int n = stocks.length;
        double[] k1 = new double[n], k2 = new double[n], k3 = new double[n], k4 = new double[n], base = new double[n];
        for (int step = 1; step < steps; step++) {
            int prev = step - 1;
            for (int i = 0; i < n; i++) {
                base[i] = v[stocks[i].slot()][prev];
                k1[i] = stocks[i].rate().at(v, prev);
            }
            if (specs.method() == XmileModel.Method.RK4) {
                stage(v, step, time(prev) + dt / 2, base, k1, dt / 2, k2);
                stage(v, step, time(prev) + dt / 2, base, k2, dt / 2, k3);
                stage(v, step, time(step), base, k3, dt, k4);
                for (int i = 0; i < n; i++) {
                    set(v, i, step, base[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
                }
            } else if (specs.method() == XmileModel.Method.RK2) {
                // Heun: the slope at the start and at the Euler guess for the end, averaged
                stage(v, step, time(step), base, k1, dt, k2);
                for (int i = 0; i < n; i++) set(v, i, step, base[i] + dt / 2 * (k1[i] + k2[i]));
            } else {
                for (int i = 0; i < n; i++) set(v, i, step, base[i] + dt * k1[i]);
            }
            v[timeSlot][step] = time(step);
            for (XmileCompiler.Part p : each) v[p.slot()][step] = p.eval().at(v, step);
        }
        return saved(v, steps);
    }

    private void set(double[][] v, int stock, int step, double value) {
        v[stocks[stock].slot()][step] = stocks[stock].nonNegative() ? Math.max(0, value) : value;
    }

    /** One RK4 stage: stocks at base + h * slope, everything else evaluated there; the rates go to {@code out}. */
    private void stage(double[][] v, int step, double t, double[] base, double[] slope, double h, double[] out) {
        for (int i = 0; i < stocks.length; i++) v[stocks[i].slot()][step] = base[i] + h * slope[i];
        v[timeSlot][step] = t;
        for (XmileCompiler.Part p : each) v[p.slot()][step] = p.eval().at(v, step);
        for (int i = 0; i < stocks.length; i++) out[i] = stocks[i].rate().at(v, step);
    }

    private XmileRun saved(double[][] v, int steps) {
        int every = Math.max(1, (int) Math.round(specs.saveStep() / specs.dt()));
        int rows = (steps - 1) / every + 1;
        double[] times = new double[rows];
        List<double[]> columns = new ArrayList<>();
        for (int r = 0; r < rows; r++) times[r] = v[timeSlot][r * every];
        for (int slot : outputs) {
            double[] c = new double[rows];
            for (int r = 0; r < rows; r++) c[r] = v[slot][r * every];
            columns.add(c);
        }
        return new XmileRun(times, names, columns);
    }
}
