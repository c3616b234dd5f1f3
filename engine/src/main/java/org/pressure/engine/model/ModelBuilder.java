package org.pressure.engine.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;

/**
 * Assembles a {@link Model}: allocate named slots, add the parts that compute them, then
 * {@link #build} puts the parts in dependency order or reports each same-step cycle by name.
 */
public final class ModelBuilder {

    /**
     * A part of a model: the slots it writes and those it reads at the same step, and how it is
     * computed: a {@link Formula} for one slot (from which both the interpreter's equation and
     * generated code are derived), or else a procedure, an {@link Equation} over several slots
     * that the interpreter and generated code both call.
     */
    record Part(String name, Location location, int[] outputs, int[] reads, Equation equation, Formula formula,
                boolean stockInitial) {}

    /** A stock integrated by a Runge-Kutta method: its slot, its rate per unit time, and whether it stops at zero. */
    record Stock(int slot, Formula rate, boolean nonNegative) {}

    /** How a model words a same-step cycle: what a step is called, and how to break one. */
    public record Wording(String sameStep, String arrow, String advice) {
        public static final Wording COUNCIL = new Wording("in the same year", " -> ",
                "break the loop with previous(...) or a failure-demand delay");
    }

    private final List<String> slotNames = new ArrayList<>();
    private final Map<String, Integer> slotIndex = new LinkedHashMap<>();
    private final List<Part> parts = new ArrayList<>();
    private final List<Integer> inputs = new ArrayList<>();
    private final List<Stock> stocks = new ArrayList<>();
    private Integration integration = Integration.EULER;
    private int clock = -1;
    private Wording wording = Wording.COUNCIL;
    private boolean finite = true;
    private final java.util.Set<Integer> scratch = new java.util.HashSet<>();
    private final double start;
    private final double dt;
    private final int steps;

    public ModelBuilder(double start, double dt, int steps) {
        if (steps < 1) throw new IllegalArgumentException("a model needs at least one step");
        this.start = start;
        this.dt = dt;
        this.steps = steps;
    }

    /** Allocates a slot; names must be unique. */
    public int slot(String name) {
        if (slotIndex.containsKey(name)) throw new IllegalArgumentException("slot `" + name + "` allocated twice");
        slotIndex.put(name, slotNames.size());
        slotNames.add(name);
        return slotNames.size() - 1;
    }

    /**
     * Allocates a scratch slot: a step in working out other quantities, which nothing outside
     * the model reads (no results column, indicator or sweep output). Generated code may hold it
     * in a local variable, not in the store, where only formulas of the same step read it; the
     * interpreter stores it like any other.
     */
    public int scratch(String name) {
        int slot = slot(name);
        scratch.add(slot);
        return slot;
    }

    /** Keeps a slot in the store after all: something other than formulas of its own step reads it. */
    public void keep(int slot) {
        scratch.remove(slot);
    }

    /**
     * Allocates an input slot: a value given to each run ({@link Model#run(double[])}), the same
     * in every step. Sweeps use inputs so that one compiled model serves every run.
     */
    public int input(String name) {
        int slot = slot(name);
        inputs.add(slot);
        return slot;
    }

    /**
     * Allocates the clock: a slot that holds the time of each step (and of each stage of a
     * Runge-Kutta step), set by the engine.
     */
    public int clock(String name) {
        if (clock >= 0) throw new IllegalStateException("a model has one clock");
        clock = slot(name);
        return clock;
    }

    /** How stocks are integrated ({@link Integration#EULER} unless set); set it before adding parts. */
    public void integration(Integration method) {
        if (!parts.isEmpty()) throw new IllegalStateException("set the integration before adding parts");
        this.integration = method;
    }

    /**
     * Whether a run stops at the first value that is infinite or not a number (true unless set):
     * council scenarios do, naming it; XMILE models report such values as they are, as other
     * system-dynamics tools do.
     */
    public void requireFinite(boolean finite) {
        this.finite = finite;
    }

    /** How cycles are worded in problems ({@link Wording#COUNCIL} unless set). */
    public void wording(Wording wording) {
        this.wording = wording;
    }

    /**
     * Adds a stock: {@code initial} at the first step, then moved each step by {@code rate} per
     * unit time, by the model's {@link Integration}; a non-negative stock stops at zero.
     */
    public void stock(String name, Location location, int slot, Formula initial, Formula rate, boolean nonNegative) {
        if (integration == Integration.EULER) {
            // stock(t) = stock(t - 1) + dt * rate(t - 1): a formula a step back, like any other
            Formula next = Formula.add(Formula.slot(slot), Formula.mul(Formula.constant(dt), rate));
            if (nonNegative) next = Formula.call(Fn.MAX, Formula.constant(0), next);
            assign(name, location, slot, new Formula.Lag(next, 1, initial));
            return;
        }
        parts.add(new Part(name, location, new int[] {slot},
                initial.reads().stream().mapToInt(Integer::intValue).toArray(),
                Equation.assign(slot, initial.eval()), initial, true));
        stocks.add(new Stock(slot, rate, nonNegative));
    }

    /** The number of steps of the model being built. */
    public int steps() {
        return steps;
    }

    /** The slot called {@code name}, or -1. */
    public int find(String name) {
        Integer i = slotIndex.get(name);
        return i == null ? -1 : i;
    }

    /**
     * Adds a procedure: a part that computes several slots together (a year's budget, say).
     * Generated code calls it as it is, so it is written once.
     *
     * @param name     how people know it, used when it takes part in a cycle
     * @param location where it was defined
     * @param outputs  the slots it writes
     * @param reads    the slots it reads at the current step
     */
    public void add(String name, Location location, int[] outputs, Set<Integer> reads, Equation procedure) {
        parts.add(new Part(name, location, outputs.clone(),
                reads.stream().mapToInt(Integer::intValue).toArray(), procedure, null, false));
    }

    /** Adds a part that sets one slot to a formula; what it reads at the same step comes from the formula. */
    public void assign(String name, Location location, int slot, Formula formula) {
        parts.add(new Part(name, location, new int[] {slot},
                formula.reads().stream().mapToInt(Integer::intValue).toArray(),
                Equation.assign(slot, formula.eval()), formula, false));
    }

    /**
     * Orders the parts so that each reads only what is already computed; every same-step cycle
     * is reported to {@code problems} with its members, and null is returned.
     */
    public Model build(Problems problems) {
        int[] producer = new int[slotNames.size()];
        Arrays.fill(producer, -1);
        for (int p = 0; p < parts.size(); p++) {
            for (int slot : parts.get(p).outputs()) {
                if (inputs.contains(slot)) throw new IllegalStateException("input " + slotNames.get(slot) + " is computed");
                if (producer[slot] >= 0) throw new IllegalStateException("slot " + slotNames.get(slot) + " written twice");
                producer[slot] = p;
            }
        }
        for (int s = 0; s < producer.length; s++) {
            if (producer[s] < 0 && !inputs.contains(s) && s != clock) {
                throw new IllegalStateException("slot " + slotNames.get(s) + " is never computed");
            }
        }
        List<List<Integer>> cycles = stronglyConnected(producer);
        if (!cycles.isEmpty()) {
            for (List<Integer> cycle : cycles) {
                Part first = parts.get(cycle.get(0));
                // a quantity made of several parts (the balancing, say) is named once where its parts follow one another
                List<String> names = new ArrayList<>();
                for (int i : cycle) {
                    String name = parts.get(i).name();
                    if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) names.add(name);
                }
                if (names.size() > 1 && names.get(0).equals(names.get(names.size() - 1))) names.remove(names.size() - 1);
                problems.add(first.location(), "these depend on each other " + wording.sameStep() + ": "
                        + String.join(wording.arrow(), names) + wording.arrow() + names.get(0) + "; " + wording.advice());
            }
            return null;
        }
        // a scratch slot read at an earlier step, or by a procedure, must stay in the store
        boolean[] local = new boolean[slotNames.size()];
        for (int slot : scratch) local[slot] = true;
        for (Stock st : stocks) {
            for (int slot : st.rate().reads()) local[slot] = false;
            for (int slot : st.rate().earlierReads()) local[slot] = false;
        }
        for (Part p : parts) {
            if (p.formula() != null) {
                for (int slot : p.formula().earlierReads()) local[slot] = false;
            } else {
                for (int slot : p.reads()) local[slot] = false;
                for (int slot : p.outputs()) local[slot] = false;
            }
        }
        return new Model(slotNames.toArray(String[]::new), slotIndex, topological(producer),
                inputs.stream().mapToInt(Integer::intValue).toArray(), clock, integration, stocks, finite, local, start, dt,
                steps);
    }

    private int[] dependencies(int p, int[] producer) {
        return Arrays.stream(parts.get(p).reads()).map(s -> producer[s]).filter(d -> d >= 0).distinct().toArray();
    }

    /**
     * Parts in an order where every dependency comes first, and otherwise in the order they were
     * added: of the parts whose dependencies are done, the first added goes next (Kahn's
     * algorithm with the parts' numbers as priorities). So checks made by parts (a floor of each
     * service, the budget after each saving) fail in the order the model lists them.
     */
    private List<Part> topological(int[] producer) {
        int n = parts.size();
        int[] waiting = new int[n];
        List<List<Integer>> dependents = new ArrayList<>();
        for (int p = 0; p < n; p++) dependents.add(new ArrayList<>());
        for (int p = 0; p < n; p++) {
            for (int d : dependencies(p, producer)) {
                waiting[p]++;
                dependents.get(d).add(p);
            }
        }
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        for (int p = 0; p < n; p++) if (waiting[p] == 0) ready.add(p);
        List<Part> out = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int p = ready.poll();
            out.add(parts.get(p));
            for (int q : dependents.get(p)) if (--waiting[q] == 0) ready.add(q);
        }
        if (out.size() != n) throw new IllegalStateException("a cycle left after the cycle check");
        return out;
    }

    /** Tarjan's algorithm: every strongly connected set of two or more parts, or one that reads itself. */
    private List<List<Integer>> stronglyConnected(int[] producer) {
        int n = parts.size();
        int[][] deps = new int[n][];
        for (int p = 0; p < n; p++) deps[p] = dependencies(p, producer);
        int[] index = new int[n];
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        List<List<Integer>> result = new ArrayList<>();
        int[] counter = {0};
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) continue;
            Deque<int[]> call = new ArrayDeque<>();
            call.push(new int[] {root, 0});
            index[root] = low[root] = counter[0]++;
            stack.push(root);
            onStack[root] = true;
            while (!call.isEmpty()) {
                int[] frame = call.peek();
                int v = frame[0];
                if (frame[1] < deps[v].length) {
                    int w = deps[v][frame[1]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter[0]++;
                        stack.push(w);
                        onStack[w] = true;
                        call.push(new int[] {w, 0});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    call.pop();
                    if (!call.isEmpty()) {
                        int parent = call.peek()[0];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                    if (low[v] == index[v]) {
                        List<Integer> component = new ArrayList<>();
                        int w;
                        do {
                            w = stack.pop();
                            onStack[w] = false;
                            component.add(w);
                        } while (w != v);
                        boolean selfLoop = Arrays.stream(deps[v]).anyMatch(d -> d == v);
                        if (component.size() > 1 || selfLoop) result.add(cycleOrder(component, deps));
                    }
                }
            }
        }
        return result;
    }

    /** The members of a cycle in the order they feed one another, starting from the first defined. */
    private List<Integer> cycleOrder(List<Integer> component, int[][] deps) {
        Set<Integer> members = new java.util.HashSet<>(component);
        int startPart = component.stream().min(Integer::compare).orElseThrow();
        List<Integer> path = new ArrayList<>();
        Set<Integer> seen = new java.util.HashSet<>();
        int current = startPart;
        // follow "is read by" edges: a part's value feeds each part that reads it
        while (seen.add(current)) {
            path.add(current);
            int next = -1;
            for (int candidate : members) {
                if (seen.contains(candidate) && candidate != startPart) continue;
                for (int d : deps[candidate]) {
                    if (d == current) {
                        next = candidate;
                        break;
                    }
                }
                if (next >= 0) break;
            }
            if (next < 0 || next == startPart) break;
            current = next;
        }
        for (int m : component) if (!path.contains(m)) path.add(m);
        return path;
    }
}
