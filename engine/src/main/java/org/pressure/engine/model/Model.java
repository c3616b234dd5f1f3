package org.pressure.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A compiled stock-and-flow model: named slots, and equations in an order where each reads
 * only slots already computed at the current step. Stepping is uniform: step {@code i} is at
 * time {@code start + i * dt}. Stocks move by the model's {@link Integration}: under Euler they
 * are formulas like the rest, under RK2 and RK4 {@link #runInto} evaluates every part again at
 * each stage. Council scenarios and XMILE models both compile into this one engine. Immutable
 * and safe to run from many threads at once.
 */
public final class Model {
    private final String[] slotNames;
    private final Map<String, Integer> slotIndex;
    private final Equation[] order;
    private final String[] orderNames;
    private final int[][] orderOutputs;
    private final int[] inputs;
    /** The slots a run computes (all but the inputs), for the finiteness check. */
    private final int[] computed;
    private final int clock;
    private final boolean finite;
    private final Integration integration;
    /** Runge-Kutta only: the stocks' slots, rates and floors, and the parts other than stock initial values. */
    private final int[] stockSlots;
    private final Eval[] stockRates;
    private final boolean[] stockNonNegative;
    private final Equation[] later;
    /** The formula of each part in order, or null for a procedure. */
    private final Formula[] orderFormulas;
    /** Generated straight-line code for this model, once {@link #generateCode} has succeeded. */
    private volatile Kernel kernel;
    /** Runge-Kutta only: which parts, in order, are stocks' initial values, and the stocks' rates as formulas. */
    private final boolean[] orderStockInitial;
    private final Formula[] stockRateFormulas;
    /** The slots generated code may hold in local variables (see {@link ModelBuilder#scratch}). */
    private final boolean[] local;
    /** What each part reads at the same step, in order. */
    private final int[][] orderReads;
    private final double start;
    private final double dt;
    private final int steps;

    Model(String[] slotNames, Map<String, Integer> slotIndex, List<ModelBuilder.Part> ordered, int[] inputs,
          int clock, Integration integration, List<ModelBuilder.Stock> stocks, boolean finite, boolean[] local,
          double start, double dt, int steps) {
        this.inputs = inputs;
        this.local = local;
        this.orderReads = ordered.stream().map(ModelBuilder.Part::reads).toArray(int[][]::new);
        this.finite = finite;
        this.clock = clock;
        this.integration = integration;
        java.util.Set<Integer> inputSet = new java.util.HashSet<>();
        for (int i : inputs) inputSet.add(i);
        this.computed = java.util.stream.IntStream.range(0, slotNames.length).filter(i -> !inputSet.contains(i)).toArray();
        this.stockSlots = stocks.stream().mapToInt(ModelBuilder.Stock::slot).toArray();
        this.stockRates = stocks.stream().map(st -> st.rate().eval()).toArray(Eval[]::new);
        this.stockRateFormulas = stocks.stream().map(ModelBuilder.Stock::rate).toArray(Formula[]::new);
        this.orderStockInitial = new boolean[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) orderStockInitial[i] = ordered.get(i).stockInitial();
        this.stockNonNegative = new boolean[stocks.size()];
        for (int i = 0; i < stocks.size(); i++) stockNonNegative[i] = stocks.get(i).nonNegative();
        this.later = ordered.stream().filter(p -> !p.stockInitial()).map(ModelBuilder.Part::equation).toArray(Equation[]::new);
        this.orderFormulas = ordered.stream().map(ModelBuilder.Part::formula).toArray(Formula[]::new);
        this.slotNames = slotNames;
        this.slotIndex = Map.copyOf(slotIndex);
        this.order = ordered.stream().map(ModelBuilder.Part::equation).toArray(Equation[]::new);
        this.orderNames = ordered.stream().map(ModelBuilder.Part::name).toArray(String[]::new);
        this.orderOutputs = ordered.stream().map(ModelBuilder.Part::outputs).toArray(int[][]::new);
        this.start = start;
        this.dt = dt;
        this.steps = steps;
    }

    public int slotCount() {
        return slotNames.length;
    }

    /** The slot called {@code name}, or -1. */
    public int slot(String name) {
        Integer i = slotIndex.get(name);
        return i == null ? -1 : i;
    }

    public double start() {
        return start;
    }

    public double dt() {
        return dt;
    }

    public int steps() {
        return steps;
    }

    public double time(int step) {
        return start + step * dt;
    }

    /** How many inputs each run gives. */
    public int inputCount() {
        return inputs.length;
    }

    /** Runs a model that has no inputs. */
    public Run run() {
        return run(new double[0]);
    }

    /**
     * Runs the model from its first step to its last, with the given input values (in the
     * order the inputs were allocated).
     *
     * @throws NumericBlowUpException when a value becomes infinite or not a number
     */
    public Run run(double[] inputValues) {
        if (inputValues.length != inputs.length) {
            throw new IllegalArgumentException("the model takes " + inputs.length + " inputs, not " + inputValues.length);
        }
        double[][] v = newWorkspace();
        runInto(v, inputValues);
        double[] times = new double[steps];
        for (int i = 0; i < steps; i++) times[i] = time(i);
        return new Run(slotNames, slotIndex, times, v);
    }

    /** Storage for one run: {@code v[slot][step]}, to reuse with {@link #runInto}. */
    public double[][] newWorkspace() {
        return new double[slotNames.length][steps];
    }

    /**
     * Runs into a workspace from {@link #newWorkspace}, overwriting every value: for callers
     * that run the model many times and read only a few results (sweeps), without allocating.
     *
     * @throws NumericBlowUpException when a value becomes infinite or not a number (unless the
     *     model was built to allow them)
     */
    public void runInto(double[][] v, double[] inputValues) {
        for (int i = 0; i < inputs.length; i++) java.util.Arrays.fill(v[inputs[i]], inputValues[i]);
        if (clock >= 0) for (int i = 0; i < steps; i++) v[clock][i] = time(i);
        var k = kernel;
        if (stockSlots.length > 0) {
            integrate(v, k);
        } else if (k != null) {
            // generated code checks every value it computes as it goes; only a run that meets one
            // that is not finite (or a procedure's output that is not) is run again by the
            // interpreter, to name the first such value
            long flags = k.run(v);
            if (finite && (flags < 0 || !proceduresFinite(v))) {
                for (int step = 0; step < steps; step++) {
                    for (Equation e : order) e.compute(v, step);
                }
                checkFinite(v);
            }
            return;
        } else {
            for (int step = 0; step < steps; step++) {
                for (Equation e : order) e.compute(v, step);
            }
        }
        if (finite) checkFinite(v);
    }

    /**
     * Runge-Kutta integration. RK2: Heun's two stages. RK4: the classical four, each evaluating
     * every part at the stage's time and stock values (in the next step's column, which the last
     * evaluation then fills for good), so stateful built-ins that read earlier steps see only
     * finished values.
     */
    private void integrate(double[][] v, Kernel k) {
        if (k != null) {
            k.parts(v, 0, true);
        } else {
            for (Equation e : order) e.compute(v, 0);
        }
        int n = stockSlots.length;
        double[] k1 = new double[n], k2 = new double[n], k3 = new double[n], k4 = new double[n], base = new double[n];
        for (int step = 1; step < steps; step++) {
            int prev = step - 1;
            for (int i = 0; i < n; i++) base[i] = v[stockSlots[i]][prev];
            rates(v, prev, k, k1);
            if (integration == Integration.RK4) {
                stage(v, step, time(prev) + dt / 2, base, k1, dt / 2, k2, k);
                stage(v, step, time(prev) + dt / 2, base, k2, dt / 2, k3, k);
                stage(v, step, time(step), base, k3, dt, k4, k);
                for (int i = 0; i < n; i++) setStock(v, i, step, base[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
            } else {
                // Heun: the slope at the start and at the Euler guess for the end, averaged
                stage(v, step, time(step), base, k1, dt, k2, k);
                for (int i = 0; i < n; i++) setStock(v, i, step, base[i] + dt / 2 * (k1[i] + k2[i]));
            }
            if (clock >= 0) v[clock][step] = time(step);
            later(v, step, k);
        }
    }

    /** Every part but the stocks' initial values, at one step. */
    private void later(double[][] v, int step, Kernel k) {
        if (k != null) {
            k.parts(v, step, false);
        } else {
            for (Equation e : later) e.compute(v, step);
        }
    }

    /** The stocks' rates at one step. */
    private void rates(double[][] v, int step, Kernel k, double[] out) {
        if (k != null) {
            k.rates(v, step, out);
        } else {
            for (int i = 0; i < stockSlots.length; i++) out[i] = stockRates[i].at(v, step);
        }
    }

    private void setStock(double[][] v, int stock, int step, double value) {
        v[stockSlots[stock]][step] = stockNonNegative[stock] ? Math.max(0, value) : value;
    }

    /** One stage: stocks at base + h * slope, everything else evaluated there; the rates go to {@code out}. */
    private void stage(double[][] v, int step, double t, double[] base, double[] slope, double h, double[] out, Kernel k) {
        for (int i = 0; i < stockSlots.length; i++) v[stockSlots[i]][step] = base[i] + h * slope[i];
        if (clock >= 0) v[clock][step] = t;
        later(v, step, k);
        rates(v, step, k, out);
    }

    /** How stocks are integrated. */
    public Integration integration() {
        return integration;
    }

    /**
     * Compiles this model to straight-line bytecode (each formula written out, each procedure
     * called as it is; see {@link GeneratedCode}) and uses it for every later run: the same
     * numbers, several times faster for many runs. A Runge-Kutta model's stages are still
     * stepped here, calling the generated parts and rates. Returns false, leaving the model as it
     * was, where it cannot (a formula too large for one method, say), and
     * {@link #generationFailure} says why.
     */
    public synchronized boolean generateCode() {
        if (kernel != null) return true;
        GeneratedCode.Result r = GeneratedCode.compile(orderFormulas, orderOutputs, orderReads, local, order, steps,
                orderStockInitial, stockRateFormulas);
        kernel = r.kernel();
        generationFailure = r.reason();
        return kernel != null;
    }

    /** Why the last {@link #generateCode} left runs interpreted (same results, slower), or null. */
    public synchronized String generationFailure() {
        return generationFailure;
    }

    /** How many parts are formulas (written out in generated code; the rest are procedures, called), of how many. */
    public int[] javaCoverage() {
        int n = 0;
        for (Formula f : orderFormulas) if (f != null) n++;
        return new int[] {n, orderFormulas.length};
    }

    private String generationFailure;

    /** Whether runs use generated code. */
    public boolean usesGeneratedCode() {
        return kernel != null;
    }

    /** Whether every value the procedures (parts that are not formulas) wrote is finite. */
    private boolean proceduresFinite(double[][] v) {
        long flags = 0;
        for (int p = 0; p < orderFormulas.length; p++) {
            if (orderFormulas[p] != null) continue;
            for (int slot : orderOutputs[p]) {
                for (double x : v[slot]) flags |= ((Double.doubleToRawLongBits(x) >>> 52) & 0x7FF) + 1;
            }
        }
        return (flags & 0x800) == 0;
    }

    /** Finds the first value, in time and then in evaluation order, that is not finite. */
    private void checkFinite(double[][] v) {
        // a double is infinite or NaN exactly when its 11 exponent bits are all ones, so adding 1
        // to them carries into bit 11 only then; OR-ing those is one branch-free pass the JIT
        // can vectorise, and only a hit needs the slower search below
        long flags = 0;
        for (int slot : computed) {
            for (double x : v[slot]) flags |= ((Double.doubleToRawLongBits(x) >>> 52) & 0x7FF) + 1;
        }
        if ((flags & 0x800) == 0) return;
        int firstStep = Integer.MAX_VALUE;
        for (int slot : computed) {
            double[] column = v[slot];
            for (int s = 0; s < Math.min(firstStep, column.length); s++) {
                if (!Double.isFinite(column[s])) {
                    firstStep = s;
                    break;
                }
            }
        }
        if (firstStep == Integer.MAX_VALUE) return;
        for (int[] outputs : orderOutputs) {
            for (int slot : outputs) {
                double x = v[slot][firstStep];
                if (!Double.isFinite(x)) {
                    throw new NumericBlowUpException(slotNames[slot], firstStep, time(firstStep), Double.isNaN(x));
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Model" + Arrays.toString(orderNames);
    }
}
