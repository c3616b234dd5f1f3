package org.pressure.engine.model;

import java.util.List;
import java.util.Map;

/** The result of one run: every slot's value at every step, column by column. */
public final class Run {
    private final String[] names;
    private final Map<String, Integer> index;
    private final double[] times;
    private final double[][] values;

    Run(String[] names, Map<String, Integer> index, double[] times, double[][] values) {
        this.names = names;
        this.index = index;
        this.times = times;
        this.values = values;
    }

    public int steps() {
        return times.length;
    }

    public double time(int step) {
        return times[step];
    }

    public List<String> names() {
        return List.of(names);
    }

    /** The values of the slot called {@code name} by step; the array is the run's own, not a copy. */
    public double[] column(String name) {
        Integer i = index.get(name);
        if (i == null) throw new IllegalArgumentException("no variable `" + name + "` in this run");
        return values[i];
    }

    public boolean has(String name) {
        return index.containsKey(name);
    }

    public double[] column(int slot) {
        return values[slot];
    }
}
